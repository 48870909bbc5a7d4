package dev.supportbot.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Slow and silent clients against the running bot, over raw sockets on 127.0.0.1: they are cut off in bounded time,
 * and while 300 of them trickle bytes (250 into request bodies, 50 into headers), {@code /healthz} and signed webhooks keep being answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowClientsTest {
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(1);
    /** How long a test waits for an answer that must come: a bound on a hang, not a measure of speed. */
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ANSWER_WAIT).build();
    private SupportBot bot;

    @BeforeAll
    void start() {
        Map<String, String> env = TestBots.env();
        env.put("BOT_SERVER_IDLE_TIMEOUT", IDLE_TIMEOUT.toMillis() + "ms");
        env.put("BOT_SERVER_HEADER_TIMEOUT", HEADER_TIMEOUT.toMillis() + "ms");
        env.put("BOT_SERVER_BODY_TIMEOUT", BODY_TIMEOUT.toMillis() + "ms");
        bot = SupportBot.builder(TestBots.config(env)).host("127.0.0.1").start();
    }

    @AfterAll
    void stop() {
        bot.close();
    }

    private static String webhookHead(String body, int declaredLength) {
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return "POST " + ZendeskWebhookRoutes.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + ZendeskSignature.TIMESTAMP_HEADER + ": " + ts + "\r\n"
                + ZendeskSignature.SIGNATURE_HEADER + ": " + Signing.zendesk(TestBots.ZENDESK_SECRET, ts, body) + "\r\n"
                + "Content-Length: " + declaredLength + "\r\n\r\n";
    }

    private HttpResponse<String> healthz() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/healthz"))
                .timeout(ANSWER_WAIT).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signedWebhook(long ticketId) throws Exception {
        String body = "{\"ticket_id\":" + ticketId + ",\"event\":\"ticket.updated\"}";
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + ZendeskWebhookRoutes.PATH))
                .timeout(ANSWER_WAIT)
                .header(ZendeskSignature.TIMESTAMP_HEADER, ts)
                .header(ZendeskSignature.SIGNATURE_HEADER, Signing.zendesk(TestBots.ZENDESK_SECRET, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_body_that_trickles_in_is_cut_off_at_the_body_timeout_with_408_json() throws Exception {
        String body = "{\"ticket_id\":21,\"event\":\"ticket.updated\"}";
        try (Socket socket = RawHttp.open(bot.port()); LoggedLines log = new LoggedLines()) {
            socket.getOutputStream().write(webhookHead(body, body.length()).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long started = System.nanoTime();
            for (int i = 0; i < 3 && !socket.isClosed(); i++) {
                Thread.sleep(300); // the client's own slowness: a few bytes a second
                try {
                    socket.getOutputStream().write(body.charAt(i));
                    socket.getOutputStream().flush();
                } catch (IOException closedByServer) {
                    break;
                }
            }
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.body()).contains("\"error\":\"request body did not arrive in time\"");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not cut off before the body timeout")
                    .isGreaterThanOrEqualTo(BODY_TIMEOUT.minusMillis(100));
            assertThat(log.withStackTraces()).isEmpty();
            long stored = bot.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM inbox WHERE ticket_id = 21").mapTo(Long.class).one());
            assertThat(stored).isZero();
        }
    }

    @Test
    void a_connection_that_trickles_its_headers_is_closed_at_the_header_timeout() throws Exception {
        try (Socket socket = RawHttp.open(bot.port())) {
            socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            Thread trickler = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        socket.getOutputStream().write('a'); // faster than the idle timeout, so only the header timeout ends it
                        Thread.sleep(200);
                    }
                } catch (IOException | InterruptedException stopped) {
                    // closed by the server, or the test is over
                }
            });
            trickler.start();
            try {
                assertThat(socket.getInputStream().readAllBytes()).as("nothing is answered to half a request").isEmpty();
            } finally {
                trickler.interrupt();
                trickler.join(5_000);
            }
            // The trickle never leaves the connection idle, so only the header timeout can have closed it.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not closed before the header timeout")
                    .isGreaterThanOrEqualTo(HEADER_TIMEOUT.minusMillis(100));
        }
    }

    @Test
    void a_connection_silent_after_its_request_is_closed_at_the_idle_timeout() throws Exception {
        try (Socket socket = RawHttp.open(bot.port())) {
            socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
            long answered = System.nanoTime();
            assertThat(socket.getInputStream().readAllBytes()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - answered)).as("not closed before the idle timeout")
                    .isGreaterThanOrEqualTo(IDLE_TIMEOUT.minusMillis(200));
        }
    }

    @Test
    void healthz_and_signed_webhooks_are_served_while_300_clients_trickle_bytes() throws Exception {
        List<Socket> attackers = new ArrayList<>();
        AtomicInteger rounds = new AtomicInteger();
        AtomicInteger cutOff = new AtomicInteger();
        Thread trickler = null;
        try {
            for (int i = 0; i < 300; i++) {
                Socket socket = RawHttp.open(bot.port());
                String start = i >= 250
                        ? "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " // slow headers
                        : webhookHead("{\"ticket_id\":1,\"event\":\"x\"}", 1000); // slow body
                socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
                attackers.add(socket);
            }
            trickler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    for (int i = 0; i < attackers.size(); i++) {
                        try {
                            attackers.get(i).getOutputStream().write('a');
                        } catch (IOException closedByServer) {
                            // Cut off by the server: an attacker comes straight back with a new connection.
                            cutOff.incrementAndGet();
                            try {
                                attackers.get(i).close();
                                Socket again = RawHttp.open(bot.port());
                                again.getOutputStream().write(webhookHead("{}", 1000).getBytes(StandardCharsets.US_ASCII));
                                attackers.set(i, again);
                            } catch (IOException refused) {
                                // not accepted right now; tried again next round
                            }
                        }
                    }
                    rounds.incrementAndGet();
                    try {
                        Thread.sleep(500); // the attackers' pace: one byte per connection every half second
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "trickler");
            trickler.start();

            long ticket = 5000;
            int served = 0;
            while (rounds.get() < 8) {
                assertThat(healthz().statusCode()).isEqualTo(200);
                assertThat(signedWebhook(ticket++).body()).isEqualTo("{\"status\":\"accepted\"}");
                served++;
            }
            assertThat(served).isPositive();
            long accepted = ticket - 5000;
            long stored = bot.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM inbox WHERE ticket_id >= 5000").mapTo(Long.class).one());
            assertThat(stored).isEqualTo(accepted);
            Await.until("slow bodies to be cut off", ANSWER_WAIT, () -> cutOff.get() > 0);
        } finally {
            if (trickler != null) {
                trickler.interrupt();
                trickler.join(5_000);
            }
            for (Socket socket : attackers) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
        assertThat(healthz().statusCode()).isEqualTo(200);
    }
}
