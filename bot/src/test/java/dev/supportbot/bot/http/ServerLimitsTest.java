package dev.supportbot.bot.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The server's caps, each with a bot configured to hit it: open connections (more wait to be accepted), and requests
 * per route (while the inbox table is locked, webhook requests pile up in the route; past the limit they wait, then
 * get 503 JSON, and {@code /healthz} keeps being answered; PostgreSQL, whose table lock makes an insert wait).
 */
class ServerLimitsTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private CompletableFuture<HttpResponse<String>> webhook(int port, long ticketId) {
        String body = "{\"ticket_id\":" + ticketId + ",\"event\":\"ticket.updated\"}";
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + ZendeskWebhookRoutes.PATH))
                .timeout(Duration.ofSeconds(30))
                .header(ZendeskSignature.TIMESTAMP_HEADER, ts)
                .header(ZendeskSignature.SIGNATURE_HEADER, Signing.zendesk(TestBots.ZENDESK_SECRET, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void connections_over_the_limit_wait_to_be_accepted_until_one_closes() throws Exception {
        Map<String, String> env = TestBots.env();
        env.put("BOT_SERVER_MAX_CONNECTIONS", "16");
        List<Socket> held = new ArrayList<>();
        try (SupportBot bot = SupportBot.builder(TestBots.config(env)).host("127.0.0.1").start()) {
            for (int i = 0; i < 16; i++) held.add(RawHttp.open(bot.port()));
            try (Socket waiting = RawHttp.open(bot.port())) {
                waiting.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                waiting.setSoTimeout(1_000);
                assertThatThrownBy(() -> waiting.getInputStream().read()).as("not accepted while 16 are open")
                        .isInstanceOf(SocketTimeoutException.class);
                held.remove(0).close();
                waiting.setSoTimeout(10_000);
                assertThat(RawHttp.read(waiting.getInputStream()).status()).isEqualTo(200);
            }
        } finally {
            for (Socket socket : held) socket.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void requests_over_a_routes_limit_get_503_json_while_healthz_is_answered() throws Exception {
        Map<String, String> env = TestBots.env();
        env.put("BOT_SERVER_MAX_REQUESTS_PER_ROUTE", "2");
        try (SupportBot bot = SupportBot.builder(TestBots.config(env)).host("127.0.0.1").start();
                Connection lock = DriverManager.getConnection(env.get("BOT_DB_URL"), env.get("BOT_DB_USER"), null)) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("LOCK TABLE inbox IN EXCLUSIVE MODE");
            }
            List<CompletableFuture<HttpResponse<String>>> sent = List.of(webhook(bot.port(), 31), webhook(bot.port(), 32),
                    webhook(bot.port(), 33));
            // Two take the route's slots and wait on the lock; the third waits for a slot, then is refused.
            HttpResponse<String> third = (HttpResponse<String>) CompletableFuture.anyOf(sent.toArray(CompletableFuture[]::new)).get();
            assertThat(third.statusCode()).isEqualTo(503);
            assertThat(third.headers().firstValue("Content-Type")).hasValue(ApiError.CONTENT_TYPE);
            assertThat(third.body()).contains("\"status\":503");
            List<CompletableFuture<HttpResponse<String>>> held = sent.stream().filter(f -> !f.isDone()).toList();
            assertThat(held).hasSize(2);
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/healthz"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(held).noneMatch(CompletableFuture::isDone);

            lock.rollback();
            for (CompletableFuture<HttpResponse<String>> request : held) assertThat(request.get().body()).isEqualTo("{\"status\":\"accepted\"}");
        }
    }
}
