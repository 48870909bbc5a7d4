package dev.supportbot.bot.cli;

/** The jar's entry point: {@code supportbot <command> [options]}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = new Cli().run(args, Terminal.system());
        System.exit(code);
    }
}
