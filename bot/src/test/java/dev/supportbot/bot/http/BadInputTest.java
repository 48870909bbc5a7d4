package dev.supportbot.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.store.Vendor;
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
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Signed requests whose values do not fit what the inbox stores (bounded columns, characters PostgreSQL refuses,
 * trailing JSON) get a 400 JSON answer, store nothing and log no stack trace, on H2 and on PostgreSQL. The bot runs
 * with its production plug-ins, so the sandbox portal's routes are there too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<Vendor, SupportBot> bots = new EnumMap<>(Vendor.class);

    @AfterAll
    void stop() {
        bots.values().forEach(SupportBot::close);
    }

    private SupportBot bot(Vendor vendor) {
        return bots.computeIfAbsent(vendor, v -> {
            BotConfig config = TestBots.config(TestBots.env(v));
            return SupportBot.builder(config).plugins(Plugins.standard(config)).host("127.0.0.1").start();
        });
    }

    private HttpResponse<String> zendesk(Vendor vendor, String body) throws Exception {
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot(vendor).port() + ZendeskWebhookRoutes.PATH))
                .timeout(Duration.ofSeconds(10))
                .header(ZendeskSignature.TIMESTAMP_HEADER, ts)
                .header(ZendeskSignature.SIGNATURE_HEADER, Signing.zendesk(TestBots.ZENDESK_SECRET, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> slack(Vendor vendor, String form) throws Exception {
        String ts = Long.toString(Instant.now().getEpochSecond());
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot(vendor).port() + "/slack/events"))
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

    private long stored(Vendor vendor) {
        return bot(vendor).database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inbox").mapTo(Long.class).one());
    }

    private static void assertRefused(HttpResponse<String> response, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).contains("\"error\":\"" + error).doesNotContain("Exception");
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void a_zendesk_event_name_that_does_not_fit_the_inbox_gets_400(Vendor vendor) throws Exception {
        long before = stored(vendor);
        try (LoggedLines log = new LoggedLines()) {
            assertRefused(zendesk(vendor, "{\"ticket_id\":7,\"event\":\"" + "e".repeat(101) + "\"}"), "event is longer than 100 characters");
            assertRefused(zendesk(vendor, "{\"ticket_id\":7,\"event\":\"ticket\\u0000updated\"}"), "event contains a control character");
            assertRefused(zendesk(vendor, "{\"ticket_id\":7,\"event\":\"x\",\"delivery_id\":\"d\\u0000\"}"),
                    "delivery_id contains a control character");
            assertThat(log.withStackTraces()).isEmpty();
        }
        assertThat(stored(vendor)).isEqualTo(before);
        assertThat(zendesk(vendor, "{\"ticket_id\":7,\"event\":\"" + "e".repeat(100) + "\"}").statusCode()).isEqualTo(200);
        assertThat(stored(vendor)).isEqualTo(before + 1);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void a_trailing_value_after_the_json_object_gets_400(Vendor vendor) throws Exception {
        long before = stored(vendor);
        assertRefused(zendesk(vendor, "{\"ticket_id\":8,\"event\":\"x\"} {\"ticket_id\":9,\"event\":\"y\"}"), "body is not valid JSON");
        assertRefused(zendesk(vendor, "{\"ticket_id\":8,\"event\":\"x\"}x"), "body is not valid JSON");
        assertRefused(zendesk(vendor, "{\"ticket_id\":8,\"event\":\"x\"}]"), "body is not valid JSON");
        assertRefused(slack(vendor, click("approve", "tr-trailing-1").replace("%7D%5D%7D", "%7D%5D%7D+%7B%7D")),
                "not a Slack command or interaction payload");
        assertRefused(slack(vendor, click("approve", "tr-trailing-2") + "x"), "not a Slack command or interaction payload");
        assertThat(stored(vendor)).isEqualTo(before);
        // Trailing white space is not a second value.
        assertThat(zendesk(vendor, "{\"ticket_id\":8,\"event\":\"x\"}\n  ").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void the_sandbox_portal_refuses_a_trailing_value_after_the_json_object(Vendor vendor) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + bot(vendor).port() + "/sandbox/portal/api/v1/sign-in-links/redeem"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "trailing-" + vendor)
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"a\"} {\"token\":\"b\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("the body is not a valid SignInRedemption JSON object");
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void a_slack_click_whose_values_do_not_fit_the_inbox_gets_400(Vendor vendor) throws Exception {
        long before = stored(vendor);
        String longest = "a".repeat(100 - "block_action:".length());
        try (LoggedLines log = new LoggedLines()) {
            assertRefused(slack(vendor, click(longest + "a", "tr-long-" + vendor)), "action_id is longer than 87 characters");
            assertRefused(slack(vendor, click("approve\\u0000", "tr-nul-" + vendor)), "action_id contains a control character");
            assertRefused(slack(vendor, click("approve", "tr\\u0000" + vendor)), "trigger_id contains a control character");
            assertThat(log.withStackTraces()).isEmpty();
        }
        assertThat(stored(vendor)).isEqualTo(before);
        assertThat(slack(vendor, click(longest, "tr-fits-" + vendor)).statusCode()).isEqualTo(200);
        assertThat(stored(vendor)).isEqualTo(before + 1);
    }
}
