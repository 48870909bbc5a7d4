package dev.supportbot.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Requests no real client sends, over raw sockets against the running bot: cut off mid-body, malformed at the HTTP
 * level (answered by Jetty before any route), to unknown paths. Each gets a JSON error or nothing, never an HTML page,
 * a 500 or a stack trace in the log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileClientsTest {
    private SupportBot bot;

    @BeforeAll
    void start() {
        Map<String, String> env = TestBots.env();
        bot = SupportBot.builder(TestBots.config(env)).host("127.0.0.1").start();
    }

    @AfterAll
    void stop() {
        bot.close();
    }

    private long stored() {
        return bot.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inbox").mapTo(Long.class).one());
    }

    private static String signedHead(String body, int declaredLength) {
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return "POST " + ZendeskWebhookRoutes.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + ZendeskSignature.TIMESTAMP_HEADER + ": " + ts + "\r\n"
                + ZendeskSignature.SIGNATURE_HEADER + ": " + Signing.zendesk(TestBots.ZENDESK_SECRET, ts, body) + "\r\n"
                + "Content-Length: " + declaredLength + "\r\n\r\n";
    }

    private static void assertJsonError(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.head() + answer.body()).isEqualTo(status);
        assertThat(answer.head().toLowerCase()).contains("content-type: application/json");
        assertThat(answer.body()).contains("\"error\":\"").contains("\"status\":" + status).doesNotContain("<html").doesNotContain("Exception");
    }

    @Test
    void a_client_that_closes_the_connection_mid_body_stores_nothing_and_logs_no_stack_trace() throws Exception {
        long before = stored();
        String body = "{\"ticket_id\":11,\"event\":\"ticket.updated\",\"delivery_id\":\"cut-off\"}";
        try (LoggedLines log = new LoggedLines()) {
            try (Socket socket = RawHttp.open(bot.port())) {
                socket.getOutputStream().write((signedHead(body, body.length()) + body.substring(0, 20)).getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
            }
            Await.until("the server to notice the client left", Duration.ofSeconds(10),
                    () -> log.messages().contains("POST /webhooks/zendesk: client closed the connection before the request body arrived"));
            assertThat(log.withStackTraces()).isEmpty();
            assertThat(log.messages()).noneMatch(m -> m.contains(" 500 "));
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void a_chunked_body_is_read_in_full_and_one_over_one_mebibyte_gets_413() throws Exception {
        long before = stored();
        String body = "{\"ticket_id\":12,\"event\":\"ticket.updated\"}";
        String head = signedHead(body, 0).replace("Content-Length: 0", "Transfer-Encoding: chunked");
        String chunked = head + Integer.toHexString(10) + "\r\n" + body.substring(0, 10) + "\r\n"
                + Integer.toHexString(body.length() - 10) + "\r\n" + body.substring(10) + "\r\n0\r\n\r\n";
        RawHttp.Answer accepted = RawHttp.exchange(bot.port(), chunked);
        assertThat(accepted.body()).contains("{\"status\":\"accepted\"}");
        assertThat(stored()).isEqualTo(before + 1);

        String chunk = "a".repeat(64 * 1024);
        StringBuilder huge = new StringBuilder(head);
        for (int i = 0; i < 17; i++) huge.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        huge.append("0\r\n\r\n");
        assertJsonError(RawHttp.exchange(bot.port(), huge.toString()), 413);
        assertThat(stored()).isEqualTo(before + 1);
    }

    @Test
    void jettys_own_errors_are_json() throws Exception {
        try (LoggedLines log = new LoggedLines()) {
            assertJsonError(RawHttp.exchange(bot.port(), "GET /healthz?" + "q".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414);
            assertJsonError(RawHttp.exchange(bot.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "h".repeat(20_000) + "\r\n\r\n"), 431);
            assertJsonError(RawHttp.exchange(bot.port(), "GET /healthz HTTP/1.1\r\n\r\n"), 400);
            assertJsonError(RawHttp.exchange(bot.port(), "GET /healthz HTTP/7.1\r\nHost: x\r\n\r\n"), 505);
            assertJsonError(RawHttp.exchange(bot.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n"), 400);
            assertJsonError(RawHttp.exchange(bot.port(), "POST /webhooks/zendesk HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n"), 400);
            assertJsonError(RawHttp.exchange(bot.port(), "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"), 426);
            assertThat(log.withStackTraces()).isEmpty();
        }
    }

    @Test
    void unknown_paths_and_methods_are_json() throws Exception {
        assertJsonError(RawHttp.exchange(bot.port(), "GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 404);
        assertJsonError(RawHttp.exchange(bot.port(), "BREW /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 405);
        assertJsonError(RawHttp.exchange(bot.port(), "DELETE /webhooks/zendesk HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 405);
    }
}
