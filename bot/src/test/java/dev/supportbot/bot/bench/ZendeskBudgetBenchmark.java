package dev.supportbot.bot.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.Licenses;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Zendesk API budget benchmark of README.md: the bot (one instance, then two on one PostgreSQL) against a fake
 * Zendesk over HTTP, fed signed webhooks in a realistic mix, one event at a time, each the body the shipped trigger
 * renders for the update; prints the reads and writes each kind of event cost, the reads per ordinary event (an
 * update or a requester's comment on a ticket no workflow runs on) and per started workflow, and the most requests
 * Zendesk received in any 60 seconds, against the limit. {@code -Dbench.trigger=previous} sends the body without the
 * comment fields (as the trigger shipped before they were added), for the figures they save.
 * {@code -Dbench.events} (default 60) and {@code -Dbench.limit} (requests a minute, default 40) size it: the run
 * lasts about a minute for every limit's worth of requests.
 */
public final class ZendeskBudgetBenchmark {
    enum Kind {
        ORDINARY_UPDATE("ordinary update"), NEW_COMMENT("new comment"), REDACTION("redaction"), WORKFLOW_START("workflow start");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final boolean PREVIOUS_TRIGGER = "previous".equals(System.getProperty("bench.trigger"));

    /** The body as the trigger rendered it before it carried the latest comment. */
    private static String withoutComment(String body) throws Exception {
        ObjectNode json = (ObjectNode) Json.MAPPER.readTree(body);
        json.properties().removeIf(field -> field.getKey().startsWith("comment_") || field.getKey().equals("recent_comment_ids"));
        return json.toString();
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("bench.events", 60);
        int limit = Integer.getInteger("bench.limit", 40);
        System.out.printf(Locale.ROOT, "zendesk budget benchmark: %d events a run (50%% ordinary updates, 20%% new comments,"
                + " 15%% redactions, 15%% workflow starts), limit %d requests a minute, the %s trigger's body%n", events, limit,
                PREVIOUS_TRIGGER ? "previous" : "shipped");
        run(1, events, limit);
        run(2, events, limit);
        System.exit(0);
    }

    private static void run(int instances, int events, int limit) throws Exception {
        String url = TestDatabases.freshUrl();
        try (FakeZendesk zendesk = new FakeZendesk()) {
            List<SupportBot> bots = new ArrayList<>();
            try {
                for (int i = 0; i < instances; i++) bots.add(start(url, zendesk, limit));
                Map<Kind, long[]> costs = new EnumMap<>(Kind.class); // events, reads, writes
                FakeZendesk.User ada = zendesk.user("Ada Lovelace", "ada@customer.example");
                List<Long> quiet = new ArrayList<>();
                Instant began = Instant.now();
                for (int n = 0; n < events; n++) {
                    Kind kind = kind(n);
                    long ticketId = 10_000L + n;
                    if (kind == Kind.WORKFLOW_START) {
                        zendesk.ticket(ticketId, "Please make me the owner", "Pat left; please make me the owner.", ada,
                                "supportbot_start_ownership_verification");
                    } else if (quiet.size() < 5 || kind != Kind.ORDINARY_UPDATE) {
                        zendesk.ticket(ticketId, "Question " + n, "When does our subscription renew?", ada, "renewal");
                        quiet.add(ticketId);
                        // Its first webhook scans the opening comment: part of the set-up, not of the mix.
                        settle(bots, zendesk, ticketId, bots.get(n % instances));
                    }
                    if (kind == Kind.ORDINARY_UPDATE) ticketId = quiet.get(n % quiet.size());
                    if (kind == Kind.NEW_COMMENT) zendesk.reply(ticketId, ada, "Any news on this?");
                    if (kind == Kind.REDACTION) zendesk.reply(ticketId, ada, "My activation code is " + Licenses.activationCode());
                    long[] cost = settle(bots, zendesk, ticketId, bots.get(n % instances));
                    long[] sum = costs.computeIfAbsent(kind, k -> new long[3]);
                    sum[0]++;
                    sum[1] += cost[0];
                    sum[2] += cost[1];
                }
                Duration took = Duration.between(began, Instant.now());
                report(instances, costs, zendesk.arrivals(), began, limit, took);
            } finally {
                for (SupportBot bot : bots) bot.close();
            }
        }
    }

    private static Kind kind(int n) {
        int slot = n % 20;
        if (slot < 10) return Kind.ORDINARY_UPDATE;
        if (slot < 14) return Kind.NEW_COMMENT;
        if (slot < 17) return Kind.REDACTION;
        return Kind.WORKFLOW_START;
    }

    /** Sends the ticket's webhook to {@code to} and waits until every instance is done; returns {reads, writes}. */
    private static long[] settle(List<SupportBot> bots, FakeZendesk zendesk, long ticketId, SupportBot to) throws Exception {
        int before = zendesk.arrivals().size();
        String body = zendesk.triggerBody(ticketId, zendesk.user("Ada Lovelace", "ada@customer.example"));
        webhook(to, PREVIOUS_TRIGGER ? withoutComment(body) : body);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (bots.get(0).inbox().depth() > 0) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the bot did not finish within 5 minutes");
            Thread.sleep(20);
        }
        List<FakeZendesk.Arrival> arrivals = zendesk.arrivals();
        List<FakeZendesk.Arrival> mine = arrivals.subList(before, arrivals.size());
        long writes = mine.stream().filter(FakeZendesk.Arrival::isWrite).count();
        return new long[] {mine.size() - writes, writes};
    }

    private static void webhook(SupportBot bot, String body) throws Exception {
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/webhooks/zendesk"))
                .header("X-Zendesk-Webhook-Signature-Timestamp", ts)
                .header("X-Zendesk-Webhook-Signature", Signing.zendesk(TestBots.ZENDESK_SECRET, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException("webhook refused: " + response.statusCode());
    }

    static SupportBot start(String dbUrl, FakeZendesk zendesk, int limit) {
        Map<String, String> env = TestBots.env(dbUrl);
        env.put("BOT_ZENDESK_URL", zendesk.url());
        env.put("BOT_ZENDESK_EMAIL", "bot@vendor.example");
        env.put("BOT_ZENDESK_TOKEN", "zd-token");
        env.put("BOT_ZENDESK_REQUESTS_PER_MINUTE", Integer.toString(limit));
        env.put("BOT_INBOX_LEASE", "2m"); // the service's default: a request may wait for the budget that long
        env.put("BOT_ZENDESK_UPDATES_PER_MINUTE", Integer.toString(Math.min(1000, Math.max(10, limit / 2)))); // its range: 10..1000
        BotConfig config = TestBots.config(env);
        return SupportBot.builder(config).host("127.0.0.1").clock(Clock.systemUTC()).plugins(Plugins.standard(config)).start();
    }

    private static void report(int instances, Map<Kind, long[]> costs, List<FakeZendesk.Arrival> all, Instant began, int limit,
                               Duration took) {
        long events = 0, reads = 0, writes = 0;
        StringBuilder kinds = new StringBuilder();
        for (Map.Entry<Kind, long[]> e : costs.entrySet()) {
            long[] c = e.getValue();
            events += c[0];
            reads += c[1];
            writes += c[2];
            kinds.append(String.format(Locale.ROOT, "%n    %-16s %3d events  %.2f reads  %.2f writes per event",
                    e.getKey().label, c[0], (double) c[1] / c[0], (double) c[2] / c[0]));
        }
        List<Instant> times = all.stream().map(FakeZendesk.Arrival::at).filter(t -> !t.isBefore(began)).toList();
        int peak = 0;
        for (Instant start : times) {
            int in = (int) times.stream().filter(t -> !t.isBefore(start) && t.isBefore(start.plusSeconds(60))).count();
            peak = Math.max(peak, in);
        }
        long[] ordinary = new long[2];
        for (Kind kind : List.of(Kind.ORDINARY_UPDATE, Kind.NEW_COMMENT)) {
            long[] c = costs.getOrDefault(kind, new long[3]);
            ordinary[0] += c[0];
            ordinary[1] += c[1];
        }
        long[] started = costs.getOrDefault(Kind.WORKFLOW_START, new long[3]);
        System.out.printf(Locale.ROOT, "%s: %.2f reads and %.2f writes per event; %d requests in %d s, peak %d in any 60 s "
                        + "(limit %d)%n    %.2f reads per ordinary event (%d), %.2f reads per started workflow (%d)%s%n",
                instances == 1 ? "one instance" : instances + " instances on one PostgreSQL",
                (double) reads / events, (double) writes / events, times.size(), took.toSeconds(), peak, limit,
                (double) ordinary[1] / ordinary[0], ordinary[0], (double) started[1] / started[0], started[0], kinds);
    }
}
