package dev.supportbot.bot;

import dev.supportbot.bot.cli.Cli;
import dev.supportbot.bot.cli.Terminal;

public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = new Cli().run(args, Terminal.system());
        System.exit(code);
    }
}
