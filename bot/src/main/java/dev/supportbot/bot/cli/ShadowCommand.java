package dev.supportbot.bot.cli;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.ConfigLoader;
import dev.supportbot.bot.shadow.ShadowReport;
import dev.supportbot.bot.store.Database;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code supportbot shadow report [--since DATE]}: what the bot decided in shadow mode, per workflow, read from its
 * database as {@code inbox} reads it (also while the service runs).
 */
final class ShadowCommand implements Subcommand {
    static final String USAGE = """
            usage: supportbot shadow report [--since DATE] [--config FILE]
              report        per workflow: runs that would have acted, would-be actions, ratings by agents
              --since DATE  only decisions from that day on (UTC), e.g. 2026-12-01""";

    @Override
    public String name() {
        return "shadow";
    }

    @Override
    public String summary() {
        return "report what shadow mode would have done and how agents rated it";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> args, Terminal terminal) throws Exception {
        List<String> rest = new ArrayList<>(args);
        Optional<LocalDate> since = since(rest);
        Options options = Options.parse(rest, List.of());
        if (!options.positionals.equals(List.of("report"))) throw new UsageException("the only sub-command is 'report'");
        BotConfig config = new ConfigLoader(terminal.env()).load(options.config);
        try (Database database = ExistingDatabase.open(config)) {
            List<ShadowReport.Row> rows = new ShadowReport(database.jdbi()).rows(since);
            terminal.out().println("Shadow decisions " + ShadowReport.period(since) + ":");
            if (rows.isEmpty()) {
                terminal.out().println("none");
                return Cli.OK;
            }
            String format = "%-32s %6s %17s %12s %6s %14s%n";
            terminal.out().printf(format, "WORKFLOW", "RUNS", "WOULD-BE ACTIONS", "RATED RIGHT", "RATED", "SHARE RIGHT");
            for (ShadowReport.Row r : rows) {
                terminal.out().printf(format, r.workflow(), r.runs(), r.wouldBeActions(), r.ratedRight(), r.rated(), r.shareRight());
            }
            return Cli.OK;
        }
    }

    /** Takes {@code --since DATE} (or {@code --since=DATE}) out of the arguments. */
    private static Optional<LocalDate> since(List<String> args) throws UsageException {
        String value = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--since")) {
                if (i + 1 >= args.size()) throw new UsageException("--since needs a date, e.g. 2026-12-01");
                value = args.remove(i + 1);
                args.remove(i);
                break;
            }
            if (arg.startsWith("--since=")) {
                value = args.remove(i).substring("--since=".length());
                break;
            }
        }
        if (value == null) return Optional.empty();
        try {
            return Optional.of(ShadowReport.since(value));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
