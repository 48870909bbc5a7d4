package dev.supportbot.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.Deliveries;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.ServiceProcess;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.TestDatabases;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A rolling restart of two real services (the shaded jar, two child processes) on one PostgreSQL while clients stream
 * signed webhooks at them: each instance in turn gets SIGTERM, drains (intake 503 with {@code Retry-After}, workers
 * finish or give back what they hold), exits 0 and starts again. The clients retry a refused or unanswered webhook at
 * the other instance, as a load balancer would. In the end every acknowledged webhook is in the inbox once, done, and
 * its ticket was read from (fake) Zendesk exactly once: nothing lost, nothing handled twice.
 */
class RollingRestartIT {
    private static final int CLIENTS = 2;
    /** Acknowledgements waited for before each restart, and after the last, so that every phase carries traffic. */
    private static final int ACKNOWLEDGED_PER_PHASE = 30;
    /** Each client's pause between two webhooks: a busy help desk's pace, not the machine's limit. */
    private static final Duration PACE = Duration.ofMillis(20);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void a_rolling_restart_of_two_instances_on_one_postgresql_loses_nothing_and_handles_everything_once() throws Exception {
        String url = TestDatabases.freshUrl();
        Path logs = Files.createDirectories(Path.of("target", "rolling-restart").toAbsolutePath());
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, Long> ticketOf = new ConcurrentHashMap<>();
        AtomicInteger drainRefusals = new AtomicInteger();
        List<Integer> exits = new ArrayList<>();
        try (FakeZendesk zendesk = new FakeZendesk()) {
            Map<String, String> env = childEnv(url, zendesk);
            AtomicReferenceArray<ServiceProcess> instances = new AtomicReferenceArray<>(2);
            try {
                instances.set(0, ServiceProcess.start(env, logs.resolve("a1.log")));
                instances.set(1, ServiceProcess.start(env, logs.resolve("b1.log")));
                AtomicBoolean stop = new AtomicBoolean();
                AtomicLong nextTicket = new AtomicLong(2_000_000);
                List<Thread> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int first = c % 2;
                    Thread client = new Thread(() -> {
                        while (!stop.get()) {
                            long ticket = nextTicket.incrementAndGet();
                            zendesk.ticket(ticket, "Rolling restart " + ticket, "hello", zendesk.user("Req", "req@customer.example"));
                            String delivery = "rolling-" + ticket;
                            ticketOf.put(delivery, ticket);
                            if (deliver(instances, first, ticket, delivery, stop, drainRefusals)) acknowledged.add(delivery);
                            LockSupport.parkNanos(PACE.toNanos());
                        }
                    }, "client-" + c);
                    client.start();
                    clients.add(client);
                }
                try {
                    awaitMore(acknowledged, "before the restarts");
                    for (int i = 0; i < 2; i++) {
                        exits.add(instances.get(i).sigterm());
                        instances.set(i, ServiceProcess.start(env, logs.resolve((i == 0 ? "a" : "b") + "2.log")));
                        awaitMore(acknowledged, "after restarting instance " + (i + 1));
                    }
                } finally {
                    stop.set(true);
                    for (Thread client : clients) client.join(TimeUnit.SECONDS.toMillis(30));
                }
                Await.until("both instances to finish the inbox", Duration.ofSeconds(60),
                        () -> instances.get(0).inboxDepth() == 0 && instances.get(1).inboxDepth() == 0);
                for (int i = 0; i < 2; i++) exits.add(instances.get(i).sigterm());
            } finally {
                for (int i = 0; i < 2; i++) {
                    if (instances.get(i) != null) instances.get(i).close(); // a failed run leaves no process behind
                }
            }
            System.out.printf("RollingRestartIT: %d webhooks acknowledged; %d refused by a draining instance and sent on%n",
                    acknowledged.size(), drainRefusals.get());

            assertThat(exits).as("exit statuses of the four SIGTERMed services (logs in %s)", logs).containsOnly(0);
            Map<String, Row> rows = inboxRows(url);
            Map<Long, Integer> reads = Deliveries.ticketReads(zendesk);
            List<String> lost = acknowledged.stream().filter(d -> !rows.containsKey(Deliveries.dedupKey(d))).sorted().toList();
            assertThat(lost).as("acknowledged webhooks missing after the rolling restart").isEmpty();
            for (String delivery : acknowledged) {
                Row row = rows.get(Deliveries.dedupKey(delivery));
                assertThat(row.count).as("rows of %s", delivery).isEqualTo(1);
                assertThat(row.status).as("status of %s", delivery).isEqualTo("done");
                assertThat(reads.getOrDefault(ticketOf.get(delivery), 0)).as("Zendesk reads of the ticket of %s", delivery)
                        .isEqualTo(1);
            }
        }
    }

    private static Map<String, String> childEnv(String url, FakeZendesk zendesk) {
        Map<String, String> env = new HashMap<>(TestBots.env(url));
        env.put("BOT_ZENDESK_URL", zendesk.url());
        env.put("BOT_ZENDESK_EMAIL", "bot@vendor.example");
        env.put("BOT_ZENDESK_TOKEN", "rolling-test-token");
        env.put("BOT_SHUTDOWN_GRACE", "10s");
        env.put("BOT_DB_POOL_SIZE", "4");
        return TestBots.mixOnPurpose(env);
    }

    private void awaitMore(Set<String> acknowledged, String phase) {
        int before = acknowledged.size();
        Await.until("acknowledgements " + phase, Duration.ofSeconds(60), () -> acknowledged.size() - before >= ACKNOWLEDGED_PER_PHASE);
    }

    /**
     * Sends the webhook to one instance, and on a refusal (503) or no answer (stopped) to the other, until one
     * acknowledges it. When both refuse, the client backs off briefly, as a load balancer does between attempts.
     */
    private boolean deliver(AtomicReferenceArray<ServiceProcess> instances, int first, long ticket, String delivery,
            AtomicBoolean stop, AtomicInteger drainRefusals) {
        for (int attempt = 0; !stop.get(); attempt++) {
            int status = send(instances.get((first + attempt) % 2).port(), ticket, delivery);
            if (status == 200) return true;
            if (status == 503) drainRefusals.incrementAndGet();
            if (attempt % 2 == 1) LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return false;
    }

    /** The HTTP status of the answer, 0 when there was none. */
    private int send(int port, long ticket, String delivery) {
        String body = "{\"ticket_id\":" + ticket + ",\"event\":\"ticket.updated\",\"delivery_id\":\"" + delivery + "\"}";
        try {
            HttpResponse<String> response = http.send(Signing.zendeskWebhook(port, body), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 503) assertThat(response.headers().firstValue("Retry-After")).isPresent();
            return response.statusCode() == 200 && response.body().contains("\"accepted\"") ? 200 : response.statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private record Row(int count, String status) {}

    private static Map<String, Row> inboxRows(String url) {
        Map<String, Row> rows = new HashMap<>();
        try (Database db = TestDatabases.reopen(url)) {
            db.jdbi().useHandle(h -> h.createQuery("SELECT dedup_key, status FROM inbox WHERE source = 'zendesk'")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), new Row(1, rs.getString(2))))
                    .forEach(e -> rows.merge(e.getKey(), e.getValue(), (a, b) -> new Row(a.count + b.count, a.status))));
        }
        return rows;
    }

}
