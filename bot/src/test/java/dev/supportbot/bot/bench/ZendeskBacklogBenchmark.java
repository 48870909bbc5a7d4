package dev.supportbot.bot.bench;

import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.inbox.Intake;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.TestDatabases;
import dev.supportbot.workflows.redaction.SecretScanner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Zendesk API budget under a backlog, of README.md: one bot, then two on one PostgreSQL, against a fake Zendesk
 * over HTTP, given a backlog of ordinary ticket webhooks (one read each) far larger than the budget; prints the
 * requests Zendesk received in each 60 s window and the most in any 60 s, and fails when that is above
 * {@code BOT_ZENDESK_REQUESTS_PER_MINUTE}. A budget whose bookkeeping wastes requests shows as windows well under the
 * limit; one that overruns it fails. {@code -Dbench.events} (default 5000) and {@code -Dbench.limit} (default 2500,
 * the most Zendesk sells) size it: a run lasts about events / limit minutes.
 */
public final class ZendeskBacklogBenchmark {
    private static final int TICKETS = 500;

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("bench.events", 5000);
        int limit = Integer.getInteger("bench.limit", 2500);
        System.out.printf(Locale.ROOT, "zendesk backlog benchmark: %d ordinary ticket webhooks a run over %d tickets, limit %d requests"
                + " a minute%n", events, TICKETS, limit);
        boolean kept = run(1, events, limit) & run(2, events, limit);
        System.exit(kept ? 0 : 1);
    }

    private static boolean run(int instances, int events, int limit) throws Exception {
        String url = TestDatabases.freshUrl();
        try (FakeZendesk zendesk = FakeZendesk.unchecked()) {
            List<SupportBot> bots = new ArrayList<>();
            try {
                FakeZendesk.User ada = zendesk.user("Ada Lovelace", "ada@customer.example");
                for (int t = 0; t < TICKETS; t++) {
                    zendesk.ticket(20_000L + t, "Question " + t, "When does our subscription renew?", ada, "renewal");
                }
                Instant queuing = Instant.now();
                queue(url, zendesk, events);
                Duration queued = Duration.between(queuing, Instant.now());
                Instant began = Instant.now();
                for (int i = 0; i < instances; i++) bots.add(ZendeskBudgetBenchmark.start(url, zendesk, limit));
                long deadline = System.nanoTime() + Duration.ofMinutes(4L * events / limit + 5).toNanos();
                while (bots.get(0).inbox().depth() > 0) {
                    if (System.nanoTime() > deadline) throw new IllegalStateException("the backlog did not drain in time");
                    Thread.sleep(200);
                }
                Duration took = Duration.between(began, Instant.now());
                List<Instant> times = zendesk.arrivals().stream().map(FakeZendesk.Arrival::at).filter(t -> !t.isBefore(began)).sorted().toList();
                return report(instances, times, limit, queued, took);
            } finally {
                for (SupportBot bot : bots) bot.close();
            }
        }
    }

    /**
     * The whole backlog, stored through the bot's intake (scrubbing and de-duplication included) before any instance
     * starts, so that the instances drain a backlog from their first request to their last.
     */
    private static void queue(String url, FakeZendesk zendesk, int events) {
        try (Database db = Database.open(url, TestDatabases.user(), null, 2);
                Inbox inbox = new Inbox(db, Clock.systemUTC())) {
            Intake intake = new Intake(inbox, SecretScanner::mask, () -> {});
            for (int n = 0; n < events; n++) {
                FakeZendesk.Ticket t = zendesk.ticket(20_000L + n % TICKETS);
                String delivery = t.id + "-backlog-" + n;
                String body = """
                        {"ticket_id": "%d", "event": "ticket.updated", "delivery_id": "%s", "actor_email": "ada@customer.example",
                         "status": "%s", "tags": "%s", "requester_id": "%d"}""".formatted(t.id, delivery, t.status,
                        String.join(" ", List.copyOf(t.tags)), t.requesterId);
                intake.submit("zendesk", "ticket.updated", t.id, delivery, body.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Requests in each whole 60 s window from the first, the partial last one, and the most in any 60 s. */
    private static boolean report(int instances, List<Instant> times, int limit, Duration queued, Duration took) {
        StringBuilder windows = new StringBuilder();
        Instant first = times.get(0);
        Instant last = times.get(times.size() - 1);
        int from = 0;
        for (Instant start = first; !start.isAfter(last); start = start.plusSeconds(60)) {
            Instant end = start.plusSeconds(60);
            int to = from;
            while (to < times.size() && times.get(to).isBefore(end)) to++;
            windows.append(windows.length() == 0 ? "" : ", ").append(to - from).append(end.isAfter(last) ? " (partial)" : "");
            from = to;
        }
        int peak = 0;
        for (int i = 0, j = 0; i < times.size(); i++) {
            while (j < times.size() && times.get(j).isBefore(times.get(i).plusSeconds(60))) j++;
            peak = Math.max(peak, j - i);
        }
        System.out.printf(Locale.ROOT, "%s: %d requests in %d s (backlog of all events stored in %d s first); per 60 s window: %s; most in any 60 s:"
                        + " %d (limit %d)%s%n", instances == 1 ? "one instance" : instances + " instances on one PostgreSQL",
                times.size(), took.toSeconds(), queued.toSeconds(), windows, peak, limit, peak > limit ? "  ABOVE THE LIMIT" : "");
        return peak <= limit;
    }
}
