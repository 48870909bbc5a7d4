package dev.supportbot.bot.console;

import static dev.supportbot.bot.console.ConsoleBot.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The sandbox Slack channel page: a message posted through the Slack stand-in's API is rendered from its Block Kit
 * (header, section text and fields, context, divider, buttons), every text escaped; a button clicked on the page as a
 * chosen Slack user reaches the bot as a signed click from that user; a form posted from another site is refused.
 */
class ConsoleSlackTest {
    private static final String BLOCKS = """
            [{"type":"header","text":{"type":"plain_text","text":"Plan for ticket 77"}},
             {"type":"section","text":{"type":"mrkdwn","text":"*Add* <script>alert(1)</script>"},
              "fields":[{"type":"mrkdwn","text":"Sold To: Pat Lee"},{"type":"mrkdwn","text":"Members: Sam Rivera"}]},
             {"type":"context","elements":[{"type":"mrkdwn","text":"expires tomorrow"}]},
             {"type":"divider"},
             {"type":"actions","elements":[{"type":"button","action_id":"console_test_click","text":{"type":"plain_text","text":"Try me"},
              "value":"77","style":"primary"}]}]""";

    @Test
    void block_kit_is_rendered_and_a_button_clicks_as_the_chosen_user() throws Exception {
        try (ConsoleBot console = ConsoleBot.sandbox()) {
            JsonNode posted = postMessage(console);
            assertThat(posted.path("ok").asBoolean()).as(posted.toString()).isTrue();
            String channel = posted.path("channel").asText();
            String ts = posted.path("ts").asText();

            String page = console.get("/helpdesk/slack").body();
            assertThat(page).contains("<p class=\"block-header\">Plan for ticket 77</p>")
                    .contains("*Add* &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>")
                    .contains("<div class=\"text\">Sold To: Pat Lee</div>").contains("<div class=\"text\">Members: Sam Rivera</div>")
                    .contains("<p class=\"context\">expires tomorrow</p>").contains("<hr>")
                    .contains("name=\"action_id\" value=\"console_test_click\"").contains(">Try me</button>")
                    .contains("<option value=\"U0SBAPPRV2\">Chris Novak</option>");

            HttpResponse<String> foreign = console.post("/helpdesk/slack/clicks", form("channel", channel, "ts", ts,
                    "action_id", "console_test_click", "user", "U0SBAPPRV2"), "Origin", "http://evil.example");
            assertThat(foreign.statusCode()).isEqualTo(403);
            assertThat(console.count("SELECT COUNT(*) FROM inbox WHERE source = 'slack'")).isZero();

            HttpResponse<String> clicked = console.post("/helpdesk/slack/clicks", form("channel", channel, "ts", ts,
                    "action_id", "console_test_click", "user", "U0SBAPPRV2"), "Origin", console.url(""));
            assertThat(clicked.statusCode()).isEqualTo(303);
            assertThat(clicked.headers().firstValue("Location")).hasValue("/helpdesk/slack?answered=200");
            String payload = console.jdbi().withHandle(h -> h.createQuery(
                    "SELECT payload FROM inbox WHERE source = 'slack' AND event_type = 'block_action:console_test_click'")
                    .mapTo(String.class).one());
            assertThat(payload).contains("U0SBAPPRV2").contains("\"77\"");
        }
    }

    private static JsonNode postMessage(ConsoleBot console) throws Exception {
        String body = Json.MAPPER.createObjectNode().put("channel", console.config.get(Settings.SLACK_CHANNEL))
                .put("text", "Plan for ticket 77").put("blocks", BLOCKS).toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(console.config.get(Settings.SLACK_API_URL) + "chat.postMessage"))
                .header("Authorization", "Bearer " + console.config.get(Settings.SLACK_BOT_TOKEN))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return Json.MAPPER.readTree(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body());
    }
}
