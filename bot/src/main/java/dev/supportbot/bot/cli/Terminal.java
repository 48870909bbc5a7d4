package dev.supportbot.bot.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.function.Function;

/** Standard streams and the environment, passed in so commands can be tested without touching {@code System}. */
public record Terminal(InputStream in, PrintStream out, PrintStream err, Function<String, String> env) {
    public Terminal(InputStream in, PrintStream out, PrintStream err) {
        this(in, out, err, System::getenv);
    }

    public static Terminal system() {
        return new Terminal(System.in, System.out, System.err);
    }
}
