package dev.supportbot.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;

/**
 * Signed Slack requests from another workspace (or for another app) change nothing: they are refused before anything
 * is stored. The workspace is BOT_SLACK_TEAM_ID, or Slack's auth.test answer (at MockServer) for the bot token.
 */
class SlackWorkspaceTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private int trigger;

    private SupportBot start(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(TestBots.env());
        env.putAll(extra);
        return SupportBot.builder(TestBots.config(env)).host("127.0.0.1").start();
    }

    private long stored(SupportBot bot) {
        return bot.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inbox").mapTo(Long.class).one());
    }

    private HttpResponse<String> send(SupportBot bot, String form) throws Exception {
        return http.send(Signing.slackEvents(bot.port(), form), HttpResponse.BodyHandlers.ofString());
    }

    private String command(String team, String app) {
        return "token=verif&team_id=" + team + "&api_app_id=" + app + "&channel_id=C1&user_id=U1&user_name=agent&command=%2Flnr"
                + "&text=help&response_url=https%3A%2F%2Fhooks.slack.example%2Fx&trigger_id=1.2.t" + trigger++;
    }

    private String click(String team, String app) {
        String payload = "{\"type\":\"block_actions\",\"trigger_id\":\"1.2.c" + trigger++ + "\",\"api_app_id\":\"" + app + "\","
                + "\"user\":{\"id\":\"U2\"},\"team\":{\"id\":\"" + team + "\"},\"channel\":{\"id\":\"C1\"},"
                + "\"container\":{\"message_ts\":\"1.2\"},\"response_url\":\"https://hooks.slack.example/y\","
                + "\"actions\":[{\"action_id\":\"approval_approve\",\"value\":\"42\",\"type\":\"button\",\"block_id\":\"b\"}]}";
        return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    }

    private String submission(String team, String app) {
        String payload = "{\"type\":\"view_submission\",\"team\":{\"id\":\"" + team + "\"},\"user\":{\"id\":\"U2\"},"
                + "\"api_app_id\":\"" + app + "\",\"trigger_id\":\"1.2.v" + trigger++ + "\",\"view\":{\"id\":\"VOWN\",\"type\":\"modal\",\"callback_id\":\"approval_reject_reason\",\"private_metadata\":\"42\",\"state\":{\"values\":{}}}}";
        return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    }

    @Test
    void a_signed_command_click_or_submission_from_another_workspace_or_app_is_refused_and_stores_nothing() throws Exception {
        try (SupportBot bot = start(Map.of("BOT_SLACK_APP_ID", "A1"))) {
            new OpenedViews(bot.database(), Clock.systemUTC()).opened("VOWN", "U2", "approval_reject_reason");
            assertThat(send(bot, command("T1", "A1")).statusCode()).isEqualTo(200);
            assertThat(send(bot, click("T1", "A1")).statusCode()).isEqualTo(200);
            assertThat(send(bot, submission("T1", "A1")).statusCode()).isEqualTo(200);
            long own = stored(bot);
            assertThat(own).isEqualTo(3);

            for (String form : new String[] {command("T2", "A1"), click("T2", "A1"), submission("T2", "A1")}) {
                HttpResponse<String> refused = send(bot, form);
                assertThat(refused.statusCode()).isEqualTo(403);
                assertThat(refused.body()).contains("\"error\":\"the request comes from another Slack workspace\"", "\"status\":403");
            }
            for (String form : new String[] {command("T1", "A2"), click("T1", "A2"), submission("T1", "A2")}) {
                HttpResponse<String> refused = send(bot, form);
                assertThat(refused.statusCode()).isEqualTo(403);
                assertThat(refused.body()).contains("another Slack app");
            }
            assertThat(stored(bot)).isEqualTo(own);
        }
    }

    @Test
    void without_a_configured_team_the_bots_workspace_is_asked_of_slack_once() throws Exception {
        try (ClientAndServer slack = ClientAndServer.startClientAndServer()) {
            slack.when(request().withPath("/api/auth.test")).respond(response().withStatusCode(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"ok\":true,\"team_id\":\"T9\",\"user_id\":\"UBOT\",\"team\":\"acme\"}"));
            Map<String, String> env = new HashMap<>();
            env.put("BOT_SLACK_TEAM_ID", "");
            env.put("BOT_SLACK_API_URL", "http://127.0.0.1:" + slack.getPort() + "/api/");
            env.put("BOT_SLACK_BOT_TOKEN", "xoxb-test");
            try (SupportBot bot = start(env)) {
                assertThat(send(bot, click("T1", "A1")).statusCode()).isEqualTo(403);
                // (The Slack SDK itself may ask auth.test once more for its own rate limiting.)
                int asked = slack.retrieveRecordedRequests(request().withPath("/api/auth.test")).length;
                assertThat(asked).isBetween(1, 2);
                assertThat(send(bot, click("T9", "A1")).statusCode()).isEqualTo(200);
                assertThat(send(bot, command("T9", "A1")).statusCode()).isEqualTo(200);
                assertThat(stored(bot)).isEqualTo(2);
                assertThat(slack.retrieveRecordedRequests(request().withPath("/api/auth.test"))).as("asked again").hasSize(asked);
            }
        }
    }

    @Test
    void when_slack_cannot_say_which_workspace_the_request_is_refused_for_now_and_stores_nothing() throws Exception {
        try (ClientAndServer slack = ClientAndServer.startClientAndServer()) {
            slack.when(request().withPath("/api/auth.test")).respond(response().withStatusCode(200)
                    .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error\":\"invalid_auth\"}"));
            Map<String, String> env = new HashMap<>();
            env.put("BOT_SLACK_TEAM_ID", "");
            env.put("BOT_SLACK_API_URL", "http://127.0.0.1:" + slack.getPort() + "/api/");
            env.put("BOT_SLACK_BOT_TOKEN", "xoxb-test");
            try (SupportBot bot = start(env)) {
                HttpResponse<String> later = send(bot, click("T9", "A1"));
                assertThat(later.statusCode()).isEqualTo(503);
                assertThat(later.headers().firstValue("Retry-After")).contains("5");
                assertThat(later.body()).contains("\"status\":503").doesNotContain("xoxb");
                assertThat(stored(bot)).isZero();
            }
        }
    }
}
