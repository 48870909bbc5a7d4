package dev.supportbot.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.BotConfig;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Signed requests whose values do not fit what the inbox stores (bounded columns, characters PostgreSQL refuses,
 * trailing JSON) get a 400 JSON answer, store nothing and log no stack trace. The bot runs
 * with its production plug-ins, so the sandbox portal's routes are there too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private SupportBot bot;

    @BeforeAll
    void start() {
        BotConfig config = TestBots.config(TestBots.env());
        bot = SupportBot.builder(config).plugins(Plugins.standard(config)).host("127.0.0.1").start();
    }

    @AfterAll
    void stop() {
        bot.close();
    }

    private HttpResponse<String> zendesk(String body) throws Exception {
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + ZendeskWebhookRoutes.PATH))
                .timeout(Duration.ofSeconds(10))
                .header(ZendeskSignature.TIMESTAMP_HEADER, ts)
                .header(ZendeskSignature.SIGNATURE_HEADER, Signing.zendesk(TestBots.ZENDESK_SECRET, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> slack(String form) throws Exception {
        String ts = Long.toString(Instant.now().getEpochSecond());
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/slack/events"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(SlackSignature.TIMESTAMP_HEADER, ts)
                .header(SlackSignature.SIGNATURE_HEADER, Signing.slack(TestBots.SLACK_SECRET, ts, form))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String click(String actionId, String triggerId) {
        String payload = "{\"type\":\"block_actions\",\"trigger_id\":\"" + triggerId + "\",\"user\":{\"id\":\"U2\"},"
                + "\"team\":{\"id\":\"T1\"},\"channel\":{\"id\":\"C1\"},\"container\":{\"message_ts\":\"1.2\"},"
                + "\"actions\":[{\"action_id\":\"" + actionId + "\",\"value\":\"v\",\"type\":\"button\",\"block_id\":\"b\"}]}";
        return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    }

    private long stored() {
        return bot.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inbox").mapTo(Long.class).one());
    }

    private static void assertRefused(HttpResponse<String> response, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).contains("\"error\":\"" + error).doesNotContain("Exception");
    }

    @Test
    void a_zendesk_event_name_that_does_not_fit_the_inbox_gets_400() throws Exception {
        long before = stored();
        try (LoggedLines log = new LoggedLines()) {
            assertRefused(zendesk("{\"ticket_id\":7,\"event\":\"" + "e".repeat(101) + "\"}"), "event is longer than 100 characters");
            assertRefused(zendesk("{\"ticket_id\":7,\"event\":\"ticket\\u0000updated\"}"), "event contains a control character");
            assertRefused(zendesk("{\"ticket_id\":7,\"event\":\"x\",\"delivery_id\":\"d\\u0000\"}"),
                    "delivery_id contains a control character");
            assertThat(log.withStackTraces()).isEmpty();
        }
        assertThat(stored()).isEqualTo(before);
        assertThat(zendesk("{\"ticket_id\":7,\"event\":\"" + "e".repeat(100) + "\"}").statusCode()).isEqualTo(200);
        assertThat(stored()).isEqualTo(before + 1);
    }

    @Test
    void a_trailing_value_after_the_json_object_gets_400() throws Exception {
        long before = stored();
        assertRefused(zendesk("{\"ticket_id\":8,\"event\":\"x\"} {\"ticket_id\":9,\"event\":\"y\"}"), "body is not valid JSON");
        assertRefused(zendesk("{\"ticket_id\":8,\"event\":\"x\"}x"), "body is not valid JSON");
        assertRefused(zendesk("{\"ticket_id\":8,\"event\":\"x\"}]"), "body is not valid JSON");
        assertRefused(slack(click("approve", "tr-trailing-1").replace("%7D%5D%7D", "%7D%5D%7D+%7B%7D")),
                "not a Slack command or interaction payload");
        assertRefused(slack(click("approve", "tr-trailing-2") + "x"), "not a Slack command or interaction payload");
        assertThat(stored()).isEqualTo(before);
        // Trailing white space is not a second value.
        assertThat(zendesk("{\"ticket_id\":8,\"event\":\"x\"}\n  ").statusCode()).isEqualTo(200);
    }

    @Test
    void the_sandbox_portal_refuses_a_trailing_value_after_the_json_object() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + bot.port() + "/sandbox/portal/api/v1/sign-in-links/redeem"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "trailing")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"a\"} {\"token\":\"b\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("the body is not a valid SignInRedemption JSON object");
    }

    @Test
    void a_slack_click_whose_values_do_not_fit_the_inbox_gets_400() throws Exception {
        long before = stored();
        String longest = "a".repeat(100 - "block_action:".length());
        try (LoggedLines log = new LoggedLines()) {
            assertRefused(slack(click(longest + "a", "tr-long")), "action_id is longer than 87 characters");
            assertRefused(slack(click("approve\\u0000", "tr-nul")), "action_id contains a control character");
            assertRefused(slack(click("approve", "tr\\u0000")), "trigger_id contains a control character");
            assertThat(log.withStackTraces()).isEmpty();
        }
        assertThat(stored()).isEqualTo(before);
        assertThat(slack(click(longest, "tr-fits")).statusCode()).isEqualTo(200);
        assertThat(stored()).isEqualTo(before + 1);
    }
}
