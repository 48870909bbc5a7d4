package dev.supportbot.bot.cli;

import java.util.List;

/** One {@code supportbot <name>} command. Register it in {@link Cli#COMMANDS}. */
public interface Subcommand {
    String name();

    /** One line for the usage text. */
    String summary();

    /** The command's usage: printed for {@code --help} (stdout) and after bad usage (stderr). */
    String usage();

    /** Runs with the arguments after the command name. Returns the exit code; throw {@link UsageException} on bad usage. */
    int run(List<String> args, Terminal terminal) throws Exception;
}
