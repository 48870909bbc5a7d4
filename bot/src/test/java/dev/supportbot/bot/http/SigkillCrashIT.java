package dev.supportbot.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.store.Vendor;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.ServiceProcess;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kills the real service (the shaded jar, in a child process) with SIGKILL while several clients stream signed
 * webhooks into it, restarts it on the same database, and checks that every webhook it acknowledged is in the inbox
 * exactly once and was handled: the ticket was read from (fake) Zendesk and the event is done, once (one row, one
 * completion; on PostgreSQL no more reads than claims). Several kill points per
 * database, chosen by a seeded random generator whose seed is printed (set {@code -Dcrash.seed=N} to replay).
 */
class SigkillCrashIT {
    private static final Pattern TICKET_READ = Pattern.compile("/api/v2/tickets/(\\d+)\\.json");
    private static final int ROUNDS = 3;
    private static final int CLIENTS = 6;
    private static final int TICKETS_PER_ROUND = 100_000;

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

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void every_acknowledged_webhook_survives_a_sigkill_and_is_handled_once(Vendor vendor) throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("SigkillCrashIT " + vendor + " seed " + seed);
        Random random = new Random(seed);
        for (int round = 1; round <= ROUNDS; round++) {
            long killAfterMillis = 150 + random.nextInt(1500);
            System.out.println("SigkillCrashIT " + vendor + " round " + round + ": SIGKILL " + killAfterMillis
                    + " ms after the first acknowledgement");
            crashAndRecover(vendor, round, killAfterMillis);
        }
    }

    private void crashAndRecover(Vendor vendor, int round, long killAfterMillis) throws Exception {
        String url = vendor == Vendor.H2
                ? "jdbc:h2:file:" + dir.resolve("round" + round).resolve("supportbot")
                : TestDatabases.freshUrl(Vendor.POSTGRESQL);
        Map<String, String> env = childEnv(url, vendor);
        long firstTicket = (long) round * TICKETS_PER_ROUND + (vendor == Vendor.H2 ? 0 : 10 * TICKETS_PER_ROUND);

        Path logs = Files.createDirectories(Path.of("target", "sigkill-crash").toAbsolutePath());
        String name = vendor.name().toLowerCase() + "-round" + round;
        ServiceProcess first = ServiceProcess.start(env, logs.resolve(name + "-first.log"));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, Long> ticketOf = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Thread client = new Thread(() -> {
                while (!stop.get()) {
                    long ticket = firstTicket + next.incrementAndGet();
                    zendesk.ticket(ticket, "Crash test " + ticket, "hello", zendesk.user("Req", "req@customer.example"));
                    String delivery = "crash-" + ticket;
                    ticketOf.put(delivery, ticket);
                    if (send(first.port(), ticket, delivery)) acknowledged.add(delivery);
                }
            });
            client.start();
            clients.add(client);
        }
        Await.until("a first acknowledgement", Duration.ofSeconds(30), () -> !acknowledged.isEmpty());
        long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(killAfterMillis);
        Await.until("the kill point", Duration.ofSeconds(10), () -> System.nanoTime() >= killAt);
        first.sigkill();
        stop.set(true);
        for (Thread client : clients) client.join();
        System.out.printf("SigkillCrashIT %s round %d: %d of %d webhooks acknowledged before the kill (%.1f s)%n", vendor,
                round, acknowledged.size(), next.get(), (System.nanoTime() - started) / 1e9);
        assertThat(acknowledged).as("webhooks acknowledged before the kill").isNotEmpty();

        ServiceProcess second = ServiceProcess.start(env, logs.resolve(name + "-second.log"));
        try {
            Await.until("the restarted service to finish the inbox", Duration.ofSeconds(60), () -> second.inboxDepth() == 0);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (depth " + second.inboxDepth() + "; log in " + logs + ")", e);
        } finally {
            second.stopGracefully();
        }

        Map<String, Row> rows = inboxRows(url, vendor);
        Map<Long, Integer> reads = ticketReads();
        List<String> lost = acknowledged.stream().filter(d -> !rows.containsKey(dedupKey(d))).sorted().toList();
        assertThat(lost).as("acknowledged webhooks missing after the SIGKILL (%d of %d)", lost.size(), acknowledged.size())
                .isEmpty();
        for (String delivery : acknowledged) {
            Row row = rows.get(dedupKey(delivery));
            assertThat(row.count).as("rows of %s", delivery).isEqualTo(1);
            assertThat(row.status).as("status of %s", delivery).isEqualTo("done");
            int read = reads.getOrDefault(ticketOf.get(delivery), 0);
            assertThat(read).as("Zendesk reads of the ticket of %s (handled)", delivery).isPositive();
            if (vendor == Vendor.POSTGRESQL) {
                // Every commit is durable, claims included: a second read only when the kill interrupted a first attempt.
                assertThat(read).as("Zendesk reads of the ticket of %s", delivery).isLessThanOrEqualTo(row.attempts);
            }
            // On H2 only intake forces its commits to disk: a worker's claim and completion can be lost with the
            // process, and such an event is handled again after the restart, as after a crash before its commit.
        }
        assertThat(rows.values()).allSatisfy(r -> assertThat(r.status).isEqualTo("done"));
    }

    private Map<String, String> childEnv(String url, Vendor vendor) {
        Map<String, String> env = new HashMap<>(TestBots.env(url, vendor));
        env.put("BOT_PORT", "0");
        env.put("BOT_INBOX_LEASE", "2s");
        env.put("BOT_ZENDESK_URL", zendesk.url());
        env.put("BOT_ZENDESK_EMAIL", "bot@vendor.example");
        env.put("BOT_ZENDESK_TOKEN", "crash-test-token");
        env.put("BOT_ZENDESK_UPDATES_PER_MINUTE", "1000");
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

    private record Row(int count, String status, int attempts) {}

    /** Intake keeps only a hash of a delivery id. */
    private static String dedupKey(String delivery) {
        try {
            return "delivery:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(delivery.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Row> inboxRows(String url, Vendor vendor) throws Exception {
        Map<String, Row> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, TestDatabases.user(vendor), null);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT dedup_key, status, attempts FROM inbox WHERE source = 'zendesk'")) {
            while (rs.next()) {
                rows.merge(rs.getString(1), new Row(1, rs.getString(2), rs.getInt(3)),
                        (a, b) -> new Row(a.count + b.count, a.status, Math.max(a.attempts, b.attempts)));
            }
        }
        return rows;
    }

    private static Map<Long, Integer> ticketReads() {
        Map<Long, Integer> reads = new HashMap<>();
        for (org.mockserver.model.HttpRequest r : zendesk.recorded()) {
            Matcher m = TICKET_READ.matcher(r.getPath().getValue());
            if (m.matches() && r.getMethod().getValue().equals("GET")) reads.merge(Long.parseLong(m.group(1)), 1, Integer::sum);
        }
        return reads;
    }
}
