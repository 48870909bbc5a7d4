package dev.supportbot.bot.cli;

import java.util.List;

/** {@code supportbot version}. */
final class VersionCommand implements Subcommand {
    @Override
    public String name() {
        return "version";
    }

    @Override
    public String summary() {
        return "print the version";
    }

    @Override
    public String usage() {
        return "usage: supportbot version";
    }

    @Override
    public int run(List<String> args, Terminal terminal) throws UsageException {
        if (!args.isEmpty()) throw new UsageException("takes no arguments");
        terminal.out().println("supportbot " + version());
        return Cli.OK;
    }

    static String version() {
        String version = VersionCommand.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
