package dev.supportbot.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Intake over real HTTP against a running bot: every kind of bad input, redelivery, scrubbing, Slack. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeHttpTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private SupportBot bot;

    @BeforeAll
    void start() {
        bot = SupportBot.builder(TestBots.config(TestBots.env())).host("127.0.0.1").start();
    }

    @AfterAll
    void stop() {
        bot.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + path)).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> zendesk(String body, String timestamp, String signature) throws Exception {
        HttpRequest.Builder request = to("/webhooks/zendesk").POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) request.header("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
        if (signature != null) request.header("X-Zendesk-Webhook-Signature", signature);
        return send(request);
    }

    private HttpResponse<String> signedZendesk(String body) throws Exception {
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return zendesk(body, ts, Signing.zendesk(TestBots.ZENDESK_SECRET, ts, body));
    }

    private long stored() {
        return bot.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inbox").mapTo(Long.class).one());
    }

    private void assertNothingStoredBy(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).contains("\"error\":\"" + error).doesNotContain("Exception").doesNotContain("at dev.");
    }

    @Test
    void a_signed_webhook_is_stored_before_the_answer_and_a_redelivery_is_stored_once() throws Exception {
        long before = stored();
        String body = "{\"ticket_id\":\"1001\",\"event\":\"ticket.updated\",\"delivery_id\":\"1001-2026-11-22T10:00:00Z\"}";
        HttpResponse<String> first = signedZendesk(body);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"status\":\"accepted\"}");
        assertThat(stored()).isEqualTo(before + 1); // committed before the 200 went out

        // Zendesk retries with a fresh timestamp: same delivery id, same event.
        assertThat(signedZendesk(body).body()).isEqualTo("{\"status\":\"duplicate\"}");
        // Without a delivery id, a byte-identical body is the same event.
        String noId = "{\"ticket_id\":1002,\"event\":\"ticket.updated\"}";
        assertThat(signedZendesk(noId).body()).contains("accepted");
        assertThat(signedZendesk(noId).body()).contains("duplicate");
        assertThat(stored()).isEqualTo(before + 2);
    }

    @Test
    void activation_codes_and_license_keys_are_scrubbed_before_the_inbox_insert() throws Exception {
        String code = "Q7fK2mP9xR4tW8zL3nB6vC1d";
        String body = "{\"ticket_id\":1003,\"event\":\"ticket.updated\",\"comment\":\"my code is " + code + "\"}";
        assertThat(signedZendesk(body).statusCode()).isEqualTo(200);
        String payload = bot.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT payload FROM inbox WHERE ticket_id = 1003").mapTo(String.class).one());
        assertThat(payload).doesNotContain(code).contains("[REDACTED activation code]");
    }

    @Test
    void bad_signatures_and_timestamps_get_401_and_store_nothing() throws Exception {
        long before = stored();
        String body = "{\"ticket_id\":1,\"event\":\"ticket.updated\"}";
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String stale = Instant.now().minus(Duration.ofMinutes(6)).truncatedTo(ChronoUnit.SECONDS).toString();
        String future = Instant.now().plus(Duration.ofMinutes(6)).truncatedTo(ChronoUnit.SECONDS).toString();
        assertNothingStoredBy(zendesk(body, now, null), 401, "missing X-Zendesk-Webhook-Signature");
        assertNothingStoredBy(zendesk(body, null, "abc"), 401, "missing X-Zendesk-Webhook-Signature");
        assertNothingStoredBy(zendesk(body, now, Signing.zendesk("wrong", now, body)), 401, "signature does not match");
        assertNothingStoredBy(zendesk(body + " ", now, Signing.zendesk(TestBots.ZENDESK_SECRET, now, body)), 401,
                "signature does not match");
        assertNothingStoredBy(zendesk(body, stale, Signing.zendesk(TestBots.ZENDESK_SECRET, stale, body)), 401,
                "timestamp is more than 5 minutes from now");
        assertNothingStoredBy(zendesk(body, future, Signing.zendesk(TestBots.ZENDESK_SECRET, future, body)), 401,
                "timestamp is more than 5 minutes from now");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void malformed_bodies_get_400_and_store_nothing() throws Exception {
        long before = stored();
        assertNothingStoredBy(signedZendesk("{\"ticket_id\": 1, "), 400, "body is not valid JSON");
        assertNothingStoredBy(signedZendesk("[1,2]"), 400, "body must be a JSON object");
        assertNothingStoredBy(signedZendesk("{\"event\":\"x\"}"), 400, "ticket_id is missing");
        assertNothingStoredBy(signedZendesk("{\"ticket_id\":\"12a\",\"event\":\"x\"}"), 400, "ticket_id is missing or not a positive number");
        assertNothingStoredBy(signedZendesk("{\"ticket_id\":-4,\"event\":\"x\"}"), 400, "ticket_id");
        assertNothingStoredBy(signedZendesk("{\"ticket_id\":4}"), 400, "event is missing");
        assertNothingStoredBy(signedZendesk("{\"ticket_id\":4,\"event\":7}"), 400, "event is missing or not a string");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void a_body_over_one_mebibyte_gets_413_and_the_server_keeps_serving() throws Exception {
        long before = stored();
        String huge = "{\"ticket_id\":1,\"event\":\"x\",\"pad\":\"" + "a".repeat(1024 * 1024) + "\"}";
        assertNothingStoredBy(signedZendesk(huge), 413, "body is larger than 1 MiB");
        assertThat(stored()).isEqualTo(before);
        assertThat(send(to("/healthz").GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void wrong_method_and_unknown_path_get_json_errors() throws Exception {
        HttpResponse<String> get = send(to("/webhooks/zendesk").GET());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.body()).contains("\"error\"");
        HttpResponse<String> unknown = send(to("/nowhere").GET());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"error\"");
        assertThat(send(to("/healthz").GET()).body()).contains("\"database\":{").contains("\"up\"");
    }

    @Test
    void metrics_count_requests_by_route_and_status_and_report_the_inbox() throws Exception {
        signedZendesk("{\"ticket_id\":1,");
        String metrics = send(to("/metrics").GET()).body();
        assertThat(metrics).contains("supportbot_http_requests_seconds_count{method=\"POST\",route=\"/webhooks/zendesk\",status=\"400\"}");
        assertThat(metrics).contains("supportbot_inbox_depth").contains("supportbot_inbox_dead_letters");
    }

    private HttpResponse<String> slack(String form, String secret, long epochSeconds) throws Exception {
        String ts = Long.toString(epochSeconds);
        return send(to("/slack/events")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", Signing.slack(secret, ts, form))
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String command(String text) {
        return "token=verif&team_id=T1&channel_id=C1&user_id=U1&user_name=agent&command=%2Flnr&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&response_url=https%3A%2F%2Fhooks.slack.example%2Fx"
                + "&trigger_id=" + System.nanoTime();
    }

    @Test
    void a_slash_command_is_stored_and_acknowledged_without_echoing_it() throws Exception {
        HttpResponse<String> response = slack(command("frobnicate now"), TestBots.SLACK_SECRET, Instant.now().getEpochSecond());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("On it").doesNotContain("frobnicate");
        // The worker decides (who may ask, which sub-command) and answers through the response URL.
        List<String> stored = bot.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT payload FROM inbox WHERE event_type = 'slash_command' ORDER BY id DESC").mapTo(String.class).list());
        assertThat(stored).first().satisfies(p -> assertThat(p)
                .contains("\"text\":\"frobnicate now\"", "\"user_id\":\"U1\"", "\"response_url\":\"https://hooks.slack.example/x\"")
                .doesNotContain("verif"));
    }

    @Test
    void slack_requests_with_bad_signatures_or_stale_timestamps_get_401() throws Exception {
        long before = stored();
        assertNothingStoredBy(slack(command("help"), "wrong-secret", Instant.now().getEpochSecond()), 401, "signature does not match");
        assertNothingStoredBy(slack(command("help"), TestBots.SLACK_SECRET, Instant.now().getEpochSecond() - 400), 401,
                "timestamp is more than 5 minutes from now");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void a_button_click_is_stored_without_slacks_token_and_acknowledged() throws Exception {
        String payload = "{\"type\":\"block_actions\",\"token\":\"legacy-verification-token\",\"trigger_id\":\"tr-" + System.nanoTime()
                + "\",\"user\":{\"id\":\"U2\"},\"team\":{\"id\":\"T1\"},\"channel\":{\"id\":\"C1\"},"
                + "\"container\":{\"message_ts\":\"1.2\"},\"response_url\":\"https://hooks.slack.example/y\","
                + "\"actions\":[{\"action_id\":\"approve\",\"value\":\"plan-7\",\"type\":\"button\",\"block_id\":\"b\"}]}";
        String form = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        HttpResponse<String> response = slack(form, TestBots.SLACK_SECRET, Instant.now().getEpochSecond());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> stored = bot.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT payload FROM inbox WHERE event_type = 'block_action:approve'").mapTo(String.class).list());
        assertThat(stored).singleElement().satisfies(p -> {
            assertThat(p).contains("\"user_id\":\"U2\"").contains("\"value\":\"plan-7\"").contains("\"trigger_id\":\"tr-");
            assertThat(p).doesNotContain("legacy-verification-token");
        });
    }

    @Test
    void stored_events_are_handed_to_the_dispatcher() throws Exception {
        signedZendesk("{\"ticket_id\":1004,\"event\":\"ticket.updated\"}");
        Await.until("the event to be processed", Duration.ofSeconds(10), () -> "no handler for source zendesk".equals(
                bot.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT outcome FROM inbox WHERE ticket_id = 1004 AND status = 'done'").mapTo(String.class).findOne().orElse(null))));
    }
}
