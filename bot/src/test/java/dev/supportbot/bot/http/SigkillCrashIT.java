package dev.supportbot.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.Deliveries;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.ServiceProcess;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the real service (the shaded jar, in a child process, on the embedded default: its own PostgreSQL in a data
 * directory) with SIGKILL while several clients stream signed webhooks into it, round after round on the same data
 * directory: each start finds the PostgreSQL server the killed bot left behind and stops it first. At the end a last
 * start handles what is left, and every webhook that was ever acknowledged must be in the inbox exactly once, done,
 * and its ticket read from (fake) Zendesk, never more often than the event was claimed.
 *
 * <p>A seeded random generator picks the kill points; the seed is printed ({@code -Dcrash.seed=N} replays the same
 * kill points; the interleaving of the threads is the machine's). The default is a short run; the benchmark profile
 * ({@code -Pbench-crash}) sets {@code crash.rounds}, {@code crash.acknowledgedPerRound} and {@code crash.minAcknowledged}.
 */
class SigkillCrashIT {
    private static final int ROUNDS = Integer.getInteger("crash.rounds", 3);
    /** Acknowledged webhooks a round waits for before its kill point starts counting. */
    private static final int ACKNOWLEDGED_PER_ROUND = Integer.getInteger("crash.acknowledgedPerRound", 100);
    private static final int MIN_ACKNOWLEDGED = Integer.getInteger("crash.minAcknowledged", 1);
    private static final int KILL_WINDOW_MILLIS = Integer.getInteger("crash.killWindowMillis", 1500);
    private static final int CLIENTS = 6;
    private static final Duration DRAIN_STALL = Duration.ofMinutes(5);

    private static FakeZendesk zendesk;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @BeforeAll
    static void startZendesk() {
        zendesk = new FakeZendesk();
    }

    @AfterAll
    static void stopZendesk() {
        zendesk.close();
    }

    @Test
    void every_acknowledged_webhook_survives_sigkills_and_is_handled_once() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("SigkillCrashIT seed " + seed + " (replay the kill points with -Dcrash.seed=" + seed + "), "
                + ROUNDS + " rounds");
        Random random = new Random(seed);
        Path data = dir.resolve("data");
        Map<String, String> env = childEnv(data);
        Path logs = Files.createDirectories(Path.of("target", "sigkill-crash").toAbsolutePath());
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, Long> ticketOf = new ConcurrentHashMap<>();
        AtomicLong nextTicket = new AtomicLong(1_000_000);
        List<Long> restarts = new ArrayList<>();

        for (int round = 1; round <= ROUNDS; round++) {
            long killAfterMillis = random.nextInt(KILL_WINDOW_MILLIS);
            long starting = System.nanoTime();
            ServiceProcess bot = ServiceProcess.start(env, logs.resolve("round" + round + ".log"));
            long listening = (System.nanoTime() - starting) / 1_000_000;
            if (round > 1) restarts.add(listening);
            int before = acknowledged.size();
            AtomicInteger sent = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Thread client = new Thread(() -> {
                    while (!stop.get()) {
                        long ticket = nextTicket.incrementAndGet();
                        zendesk.ticket(ticket, "Crash test " + ticket, "hello", zendesk.user("Req", "req@customer.example"));
                        String delivery = "crash-" + ticket;
                        ticketOf.put(delivery, ticket);
                        sent.incrementAndGet();
                        if (send(bot.port(), ticket, delivery)) acknowledged.add(delivery);
                    }
                });
                client.start();
                clients.add(client);
            }
            try {
                Await.until("round " + round + "'s acknowledgements", Duration.ofMinutes(10),
                        () -> acknowledged.size() - before >= ACKNOWLEDGED_PER_ROUND);
                long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(killAfterMillis);
                Await.until("the kill point", Duration.ofSeconds(10), () -> System.nanoTime() >= killAt);
                bot.sigkill();
            } finally {
                stop.set(true);
                for (Thread client : clients) client.join();
                bot.close();
            }
            System.out.printf("SigkillCrashIT round %d: listening %d ms after start; SIGKILL %d ms after %d acknowledgements; "
                    + "%d of %d webhooks acknowledged%n", round, listening, killAfterMillis, ACKNOWLEDGED_PER_ROUND,
                    acknowledged.size() - before, sent.get());
        }

        long starting = System.nanoTime();
        ServiceProcess last = ServiceProcess.start(env, logs.resolve("last.log"));
        try {
            Await.until("healthz after the last SIGKILL", Duration.ofSeconds(60), () -> healthy(last.port()));
            restarts.add((System.nanoTime() - starting) / 1_000_000);
            awaitEmptyInbox(last);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (depth " + last.inboxDepth() + "; logs in " + logs + ")", e);
        } finally {
            last.stopGracefully();
        }
        System.out.printf("SigkillCrashIT: %d webhooks acknowledged over %d rounds; restarts after SIGKILL up in %s ms%n",
                acknowledged.size(), ROUNDS, restarts);

        Map<String, Row> rows = inboxRows(data);
        Map<Long, Integer> reads = Deliveries.ticketReads(zendesk);
        List<String> lost = acknowledged.stream().filter(d -> !rows.containsKey(Deliveries.dedupKey(d))).sorted().toList();
        assertThat(lost).as("acknowledged webhooks missing after the SIGKILLs (%d of %d)", lost.size(), acknowledged.size())
                .isEmpty();
        assertThat(acknowledged.size()).as("webhooks acknowledged in all").isGreaterThanOrEqualTo(MIN_ACKNOWLEDGED);
        for (String delivery : acknowledged) {
            Row row = rows.get(Deliveries.dedupKey(delivery));
            assertThat(row.count).as("rows of %s", delivery).isEqualTo(1);
            assertThat(row.status).as("status of %s", delivery).isEqualTo("done");
            int read = reads.getOrDefault(ticketOf.get(delivery), 0);
            assertThat(read).as("Zendesk reads of the ticket of %s (handled)", delivery).isPositive();
            // Every commit is durable, claims included: a second read only when a kill interrupted a first attempt.
            assertThat(read).as("Zendesk reads of the ticket of %s", delivery).isLessThanOrEqualTo(row.attempts);
        }
        assertThat(rows.values()).allSatisfy(r -> assertThat(r.status).isEqualTo("done"));
    }

    /**
     * The backlog left after the last kill drains at the pace of the Zendesk request budget (tens of thousands of events
     * in the benchmark take longer than any fixed limit would allow): waits as long as the inbox keeps shrinking, and
     * fails when it stops shrinking for {@link #DRAIN_STALL}.
     */
    private static void awaitEmptyInbox(ServiceProcess bot) {
        long depth = -1;
        while (depth != 0) {
            long before = depth;
            long[] now = {depth};
            Await.until("the inbox to shrink from depth " + before, DRAIN_STALL, () -> {
                now[0] = bot.inboxDepth();
                return now[0] == 0 || (now[0] > 0 && (before < 0 || now[0] < before));
            });
            depth = now[0];
        }
    }

    private Map<String, String> childEnv(Path data) {
        Map<String, String> env = new HashMap<>(ServiceProcess.embeddedEnv(data));
        env.put("BOT_INBOX_LEASE", "2s");
        env.put("BOT_ZENDESK_URL", zendesk.url());
        env.put("BOT_ZENDESK_EMAIL", "bot@vendor.example");
        env.put("BOT_ZENDESK_TOKEN", "crash-test-token");
        env.put("BOT_ZENDESK_UPDATES_PER_MINUTE", "1000");
        // What is measured is durability, not the Zendesk budget: at 2,500 requests a minute a 50,000-event backlog
        // would take the fake Zendesk's budget, not the bot, 40 minutes to drain.
        env.put("BOT_ZENDESK_REQUESTS_PER_MINUTE", "100000");
        return TestBots.mixOnPurpose(env);
    }

    private boolean send(int port, long ticket, String delivery) {
        String body = "{\"ticket_id\":" + ticket + ",\"event\":\"ticket.updated\",\"delivery_id\":\"" + delivery + "\"}";
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/webhooks/zendesk"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("X-Zendesk-Webhook-Signature-Timestamp", ts)
                .header("X-Zendesk-Webhook-Signature", Signing.zendesk(TestBots.ZENDESK_SECRET, ts, body))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"accepted\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean healthy(int port) {
        try {
            HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/healthz")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"postgresql\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Row(int count, String status, int attempts) {}

    /** Read as the CLI reads: no bot runs any more, so through a server of the test's own on the same data. */
    private static Map<String, Row> inboxRows(Path data) {
        Map<String, Row> rows = new HashMap<>();
        try (Database db = Database.openExistingEmbedded(data)) {
            db.jdbi().useHandle(h -> h.createQuery("SELECT dedup_key, status, attempts FROM inbox WHERE source = 'zendesk'")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), new Row(1, rs.getString(2), rs.getInt(3))))
                    .forEach(e -> rows.merge(e.getKey(), e.getValue(),
                            (a, b) -> new Row(a.count + b.count, a.status, Math.max(a.attempts, b.attempts)))));
        }
        return rows;
    }

}
