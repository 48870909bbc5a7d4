package dev.supportbot.bot.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** Standard streams, passed in so commands can be tested without touching {@code System}. */
public record Terminal(InputStream in, PrintStream out, PrintStream err) {
    public static Terminal system() {
        return new Terminal(System.in, System.out, System.err);
    }
}
