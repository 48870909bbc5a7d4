package dev.supportbot.bot.cli;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.ConfigLoader;
import dev.supportbot.bot.inbox.DeadLetter;
import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.config.Parsers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code supportbot inbox dead|retry ID|stats}: look at and requeue parked events, also while the service runs (the
 * embedded default: through the server the running bot started; when none runs, through one of its own, stopped
 * afterwards). Refuses a database that does not exist rather than creating one.
 */
final class InboxCommand implements Subcommand {
    static final String USAGE = """
            usage: supportbot inbox <dead | retry ID | purge-dead [AGE] | stats> [--config FILE]
              dead              list events parked as dead letters, with their last error
              retry ID          put dead letter ID back in the queue
              purge-dead [AGE]  delete the dead letters received more than AGE ago (e.g. 30d); without AGE, all
              stats             events waiting and dead""";

    @Override
    public String name() {
        return "inbox";
    }

    @Override
    public String summary() {
        return "inspect the inbox: dead letters, retry, purge, stats";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> args, Terminal terminal) throws Exception {
        Options options = Options.parse(args, List.of());
        List<String> words = options.positionals;
        if (words.isEmpty()) throw new UsageException("needs a sub-command");
        String action = words.get(0);
        long retryId = 0;
        Duration age = Duration.ZERO;
        switch (action) {
            case "dead", "stats" -> {
                if (words.size() != 1) throw new UsageException("'" + action + "' takes no arguments");
            }
            case "retry" -> {
                if (words.size() != 2 || !words.get(1).matches("\\d{1,18}")) throw new UsageException("retry needs an event id");
                retryId = Long.parseLong(words.get(1));
            }
            case "purge-dead" -> {
                if (words.size() > 2) throw new UsageException("purge-dead takes at most an age, e.g. 30d");
                if (words.size() == 2) age = parseAge(words.get(1));
            }
            default -> throw new UsageException("unknown sub-command '" + action + "'");
        }
        BotConfig config = new ConfigLoader(terminal.env()).load(options.config);
        try (Database database = ExistingDatabase.open(config)) {
            Inbox inbox = new Inbox(database, Clock.systemUTC());
            return switch (action) {
                case "dead" -> printDead(inbox.deadLetters(1000), terminal);
                case "stats" -> {
                    terminal.out().printf("waiting: %d%ndead: %d%n", inbox.depth(), inbox.deadCount());
                    yield Cli.OK;
                }
                case "purge-dead" -> {
                    long purged = inbox.purgeDead(Instant.now().minus(age), 500);
                    terminal.out().println("deleted " + purged + " dead letter" + (purged == 1 ? "" : "s"));
                    yield Cli.OK;
                }
                default -> {
                    if (inbox.retryDead(retryId)) {
                        terminal.out().println("requeued dead letter " + retryId);
                        yield Cli.OK;
                    }
                    terminal.err().println("supportbot inbox: no dead letter with id " + retryId);
                    yield Cli.FAILURE;
                }
            };
        }
    }

    private static Duration parseAge(String text) throws UsageException {
        try {
            Duration age = Parsers.duration(text);
            if (age.isNegative()) throw new IllegalArgumentException("negative");
            return age;
        } catch (IllegalArgumentException e) {
            throw new UsageException("'" + text + "' is not an age (e.g. 12h, 30d)");
        }
    }

    private static int printDead(List<DeadLetter> dead, Terminal terminal) {
        if (dead.isEmpty()) {
            terminal.out().println("no dead letters");
            return Cli.OK;
        }
        terminal.out().printf("%-8s %-8s %-32s %-10s %-8s %-20s %s%n", "ID", "SOURCE", "EVENT", "TICKET", "ATTEMPTS", "RECEIVED", "LAST ERROR");
        for (DeadLetter d : dead) {
            terminal.out().printf("%-8d %-8s %-32s %-10s %-8d %-20s %s%n", d.id(), d.source(), d.eventType(),
                    d.ticketId() == null ? "-" : d.ticketId(), d.attempts(), d.receivedAt().toString().replaceFirst("\\.\\d+Z$", "Z"),
                    d.lastError() == null ? "" : d.lastError().replace('\n', ' '));
        }
        return Cli.OK;
    }
}
