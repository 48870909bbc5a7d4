package dev.supportbot.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Stops the server while signed webhooks stream in, starts a new one on the same database, and checks that every
 * event that was acknowledged is processed, and processed exactly once.
 */
class CrashRestartTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void every_acknowledged_event_is_processed_exactly_once_across_a_restart() throws Exception {
        String url = TestDatabases.freshUrl();
        Map<String, String> env = TestBots.env(url);
        Map<Long, AtomicInteger> processed = new ConcurrentHashMap<>();
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicReference<SupportBot> bot = new AtomicReference<>(start(env, processed));
        CountDownLatch halfway = new CountDownLatch(150);
        int total = 400;
        AtomicInteger next = new AtomicInteger(1);

        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            Thread client = new Thread(() -> {
                int id;
                while ((id = next.getAndIncrement()) <= total) {
                    // A client retries an event until one bot acknowledges it, as Zendesk does.
                    while (!send(bot.get().port(), id)) Thread.onSpinWait();
                    acknowledged.add((long) id);
                    halfway.countDown();
                }
            });
            client.start();
            clients.add(client);
        }
        halfway.await();
        SupportBot old = bot.get();
        old.close(); // in-flight requests fail; the clients retry against the next server
        bot.set(start(env, processed));
        for (Thread client : clients) client.join();

        try {
            Await.until("all acknowledged events processed", Duration.ofSeconds(60),
                    () -> processed.keySet().containsAll(acknowledged) && bot.get().inbox().depth() == 0);
        } finally {
            bot.get().close();
        }
        assertThat(acknowledged).hasSize(total);
        assertThat(processed.keySet()).isEqualTo(acknowledged);
        assertThat(processed.values()).allSatisfy(n -> assertThat(n.get()).as("times processed").isEqualTo(1));
    }

    @Test
    void an_event_held_by_a_dead_worker_is_taken_over_once_its_lease_runs_out() throws Exception {
        String url = TestDatabases.freshUrl();
        Map<String, String> env = TestBots.env(url);
        env.put("BOT_INBOX_LEASE", "1s");
        env.put("BOT_INBOX_WORKERS", "1");
        Map<Long, AtomicInteger> processed = new ConcurrentHashMap<>();
        CountDownLatch hung = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SupportBot dying = SupportBot.builder(TestBots.config(env)).host("127.0.0.1")
                .dispatcher(context -> event -> {
                    hung.countDown();
                    release.await(); // the process "dies" here, holding the event
                    return new Handled("zombie", h -> processed.computeIfAbsent(event.ticketId(), k -> new AtomicInteger()).incrementAndGet());
                })
                .start();
        assertThat(send(dying.port(), 1)).isTrue();
        hung.await();
        Thread closer = new Thread(dying::close); // stops intake; its worker stays stuck like a dead process
        closer.start();

        SupportBot successor = start(env, processed);
        try {
            Await.until("the successor to take the event over", Duration.ofSeconds(30),
                    () -> processed.containsKey(1L) && successor.inbox().depth() == 0);
            release.countDown(); // the zombie wakes up and tries to complete: its claim is gone
            closer.join();
            String outcome = successor.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT outcome FROM inbox WHERE ticket_id = 1").mapTo(String.class).one());
            assertThat(outcome).isEqualTo("counted");
        } finally {
            successor.close();
        }
        assertThat(processed.get(1L).get()).isEqualTo(1);
    }

    private static SupportBot start(Map<String, String> env, Map<Long, AtomicInteger> processed) {
        return SupportBot.builder(TestBots.config(env)).host("127.0.0.1")
                .dispatcher(context -> event -> new Handled("counted", h ->
                        processed.computeIfAbsent(event.ticketId(), k -> new AtomicInteger()).incrementAndGet()))
                .start();
    }

    private boolean send(int port, int ticket) {
        String body = "{\"ticket_id\":" + ticket + ",\"event\":\"ticket.updated\",\"delivery_id\":\"d-" + ticket + "\"}";
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/zendesk"))
                .timeout(Duration.ofSeconds(5))
                .header("X-Zendesk-Webhook-Signature-Timestamp", ts)
                .header("X-Zendesk-Webhook-Signature", Signing.zendesk(TestBots.ZENDESK_SECRET, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
