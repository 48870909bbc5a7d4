package dev.supportbot.bot.cli;

import dev.supportbot.bot.config.ConfigException;
import dev.supportbot.bot.http.PortUnavailableException;
import dev.supportbot.bot.store.DatabaseUnavailableException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code supportbot <command> [options]}. Exit codes: 0 ok, 1 failure, 2 bad usage, bad configuration, or a database
 * or port that cannot be used (one line on stderr each).
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    /** Every command, one line each. */
    static final List<Subcommand> COMMANDS = List.of(
            new ServeCommand(),
            new VersionCommand(),
            new InboxCommand(),
            new RedactCommand(),
            new ConfigCommand(),
            new ZendeskCommand(),
            new ShadowCommand());

    private final Map<String, Subcommand> commands = new LinkedHashMap<>();

    public Cli() {
        COMMANDS.forEach(c -> commands.put(c.name(), c));
    }

    public int run(String[] args, Terminal terminal) {
        if (args.length == 0) {
            terminal.err().println(usage());
            return USAGE;
        }
        if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            terminal.out().println(usage());
            return OK;
        }
        Subcommand command = commands.get(args[0]);
        if (command == null) {
            terminal.err().println("supportbot: unknown command '" + args[0] + "'");
            terminal.err().println(usage());
            return USAGE;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            terminal.out().println(command.usage());
            return OK;
        }
        try {
            return command.run(rest, terminal);
        } catch (UsageException e) {
            terminal.err().println("supportbot " + command.name() + ": " + e.getMessage());
            terminal.err().println(command.usage());
            return USAGE;
        } catch (ConfigException e) {
            e.getMessage().lines().forEach(line -> terminal.err().println("supportbot: invalid configuration: " + line));
            return USAGE;
        } catch (DatabaseUnavailableException | PortUnavailableException e) {
            terminal.err().println("supportbot: " + e.getMessage());
            return USAGE;
        } catch (Exception e) {
            terminal.err().println("supportbot " + command.name() + ": " + e.getMessage());
            return FAILURE;
        }
    }

    String usage() {
        StringBuilder out = new StringBuilder("usage: supportbot <command> [options]\n\ncommands:\n");
        for (Subcommand c : commands.values()) out.append(String.format("  %-10s %s%n", c.name(), c.summary()));
        out.append("\nRun 'supportbot <command> --help' for a command's options.");
        return out.toString();
    }
}
