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
import dev.supportbot.bot.testing.Await;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The sandbox Slack channel page: a message posted through the Slack stand-in's API is rendered from its Block Kit
 * (header, section text and fields, context, divider, buttons) with its mrkdwn formatted as Slack shows it and
 * everything else escaped; a button clicked on the page as a chosen Slack user reaches the bot as a signed click from
 * that user; a form posted from another site is refused. A {@code /lnr} command typed on the page and a modal the bot
 * opened reach the bot signed, as the person who typed them.
 */
class ConsoleSlackTest {
    private static final String BLOCKS = """
            [{"type":"header","text":{"type":"plain_text","text":"Plan for ticket 77"}},
             {"type":"section","text":{"type":"mrkdwn","text":"*Add* <script>alert(1)</script> on <%s|#77>"},
              "fields":[{"type":"mrkdwn","text":"*Sold To:* Pat Lee"},{"type":"mrkdwn","text":"Members: Sam Rivera"}]},
             {"type":"context","elements":[{"type":"mrkdwn","text":"asked by <@U0SBAGENT1>, expires <!date^1796898660^{date_long} at {time}|soon>"}]},
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
            String ticketLink = console.config.get(Settings.ZENDESK_URL) + "/agent/tickets/77";
            assertThat(page).contains("<p class=\"block-header\">Plan for ticket 77</p>")
                    .contains("<strong>Add</strong> &lt;script&gt;alert(1)&lt;/script&gt; on <a href=\"" + ticketLink + "\">#77</a>")
                    .doesNotContain("<script>")
                    .contains("<div class=\"text\"><strong>Sold To:</strong> Pat Lee</div>")
                    .contains("<div class=\"text\">Members: Sam Rivera</div>")
                    .contains("<p class=\"context\">asked by <span class=\"mention\">@Jordan Kim</span>, expires "
                            + "<time datetime=\"2026-12-10T10:31:00Z\">Thursday, December 10, 2026 at 10:31 UTC</time></p>")
                    .contains("<hr>")
                    .contains("name=\"action_id\" value=\"console_test_click\"").contains(">Try me</button>")
                    .contains("<option value=\"U0SBAPPRV2\">Chris Novak</option>");

            HttpResponse<String> foreign = console.post("/helpdesk/slack/clicks", form("channel", channel, "ts", ts,
                    "action_id", "console_test_click", "user", "U0SBAPPRV2"), "Origin", "http://evil.example");
            assertThat(foreign.statusCode()).isEqualTo(403);
            assertThat(console.count("SELECT COUNT(*) FROM inbox WHERE source = 'slack'")).isZero();

            HttpResponse<String> clicked = console.post("/helpdesk/slack/clicks", form("channel", channel, "ts", ts,
                    "action_id", "console_test_click", "user", "U0SBAPPRV2"), "Origin", console.url(""));
            assertThat(clicked.statusCode()).isEqualTo(303);
            assertThat(clicked.headers().firstValue("Location")).hasValue("/helpdesk/slack?answered=200&what=click");
            assertThat(console.get("/helpdesk/slack?answered=200&what=click").body())
                    .contains("The bot answered the click with HTTP 200");
            String payload = console.jdbi().withHandle(h -> h.createQuery(
                    "SELECT payload FROM inbox WHERE source = 'slack' AND event_type = 'block_action:console_test_click'")
                    .mapTo(String.class).one());
            assertThat(payload).contains("U0SBAPPRV2").contains("\"77\"");
        }
    }

    @Test
    void the_ticket_link_in_a_message_leads_to_the_sandbox_ticket_page() {
        try (ConsoleBot console = ConsoleBot.sandbox()) {
            String link = console.config.get(Settings.ZENDESK_URL) + "/agent/tickets/10001";
            assertThat(link).startsWith(console.url("/"));

            HttpResponse<String> followed = console.get(link.substring(console.url("").length()));
            HttpResponse<String> notATicket = console.get("/sandbox/zendesk/agent/tickets/abc");

            assertThat(followed.statusCode()).isEqualTo(303);
            assertThat(followed.headers().firstValue("Location")).hasValue("/helpdesk/tickets/10001");
            assertThat(notATicket.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void a_command_typed_as_an_agent_reaches_the_bot_signed_and_its_answers_are_shown_to_that_agent_only() {
        try (ConsoleBot console = ConsoleBot.sandbox()) {
            assertThat(console.get("/helpdesk/slack").body()).contains("<form method=\"post\" action=\"/helpdesk/slack/commands\">")
                    .contains("<option value=\"U0SBAGENT1\">Jordan Kim</option>");

            HttpResponse<String> typed = console.post("/helpdesk/slack/commands", form("user", "U0SBAGENT1", "text", "/lnr help"));
            HttpResponse<String> unknownUser = console.post("/helpdesk/slack/commands", form("user", "UNOBODY", "text", "help"));
            HttpResponse<String> empty = console.post("/helpdesk/slack/commands", form("user", "U0SBAGENT1", "text", " "));

            assertThat(typed.statusCode()).isEqualTo(303);
            assertThat(typed.headers().firstValue("Location")).hasValue("/helpdesk/slack?answered=200&what=command");
            assertThat(unknownUser.statusCode()).isEqualTo(400);
            assertThat(unknownUser.body()).contains("user is not one of the choices");
            assertThat(empty.statusCode()).isEqualTo(400);
            String payload = console.jdbi().withHandle(h -> h.createQuery(
                    "SELECT payload FROM inbox WHERE source = 'slack' AND event_type = 'slash_command'").mapTo(String.class).one());
            assertThat(payload).contains("\"user_id\":\"U0SBAGENT1\"").contains("\"text\":\"help\"");
            Await.until("the list of commands, for Jordan only", Duration.ofSeconds(30), () -> console.get("/helpdesk/slack").body()
                    .contains("only visible to Jordan Kim</p>\n<div class=\"text\"><strong>supportbot commands</strong>"));
            String page = console.get("/helpdesk/slack").body();
            assertThat(page).contains("<code>/lnr help</code>").contains("only visible to Jordan Kim</p>\n<div class=\"text\">On it");
            assertThat(console.count("SELECT COUNT(*) FROM sandbox_slack_message WHERE kind = 'message'")).isZero();
        }
    }

    @Test
    void a_modal_the_bot_opens_is_shown_to_its_user_and_submitted_with_the_text_typed() throws Exception {
        try (ConsoleBot console = ConsoleBot.sandbox()) {
            JsonNode posted = postMessage(console, """
                    [{"type":"actions","elements":[{"type":"button","action_id":"console_modal","text":{"type":"plain_text","text":"Ask"}}]}]""");
            console.post("/helpdesk/slack/clicks", form("channel", posted.path("channel").asText(), "ts", posted.path("ts").asText(),
                    "action_id", "console_modal", "user", "U0SBAPPRV2"));
            String trigger = console.jdbi().withHandle(h -> h.createQuery(
                    "SELECT trigger_id FROM sandbox_slack_interaction WHERE kind = 'block_actions'").mapTo(String.class).one());
            JsonNode opened = slackApi(console, "views.open", Json.MAPPER.createObjectNode().put("trigger_id", trigger).put("view", """
                    {"type":"modal","callback_id":"console_test","title":{"type":"plain_text","text":"Reject plan"},
                     "submit":{"type":"plain_text","text":"Reject"},"close":{"type":"plain_text","text":"Cancel"},
                     "blocks":[{"type":"section","text":{"type":"mrkdwn","text":"Rejecting *the plan*"}},
                      {"type":"input","block_id":"input","label":{"type":"plain_text","text":"Why?"},
                       "element":{"type":"plain_text_input","action_id":"input","multiline":true}}]}"""));
            String view = opened.path("view").path("id").asText();
            // Opened here rather than by a click handler: recorded as the bot records the views it opens.
            console.jdbi().useHandle(h -> h.execute("INSERT INTO slack_view (view_id, user_id, callback_id, opened_at)"
                    + " VALUES (?, 'U0SBAPPRV2', 'console_test', now())", view));

            String page = console.get("/helpdesk/slack").body();
            assertThat(page).contains("<h2 id=\"modal-" + view + "\">Reject plan</h2>").contains("open for Chris Novak only")
                    .contains("Rejecting <strong>the plan</strong>").contains("<label for=\"modal-" + view + "-input\">Why?</label>")
                    .contains(">Reject</button>").contains(">Cancel</button>");

            HttpResponse<String> lopsided = console.post("/helpdesk/slack/modals/" + view, form("block", "input", "value", "x"));
            HttpResponse<String> submitted = console.post("/helpdesk/slack/modals/" + view,
                    form("block", "input", "action", "input", "value", "Wrong <customer>"));
            HttpResponse<String> again = console.post("/helpdesk/slack/modals/" + view,
                    form("block", "input", "action", "input", "value", "twice"));

            assertThat(lopsided.statusCode()).isEqualTo(400);
            assertThat(submitted.statusCode()).isEqualTo(303);
            assertThat(submitted.headers().firstValue("Location")).hasValue("/helpdesk/slack?answered=200&what=submission");
            assertThat(again.statusCode()).isEqualTo(404);
            String storedJson = console.jdbi().withHandle(h -> h.createQuery(
                    "SELECT payload FROM inbox WHERE source = 'slack-view'").mapTo(String.class).one());
            JsonNode stored = Json.MAPPER.readTree(storedJson);
            assertThat(stored.path("user_id").asText()).isEqualTo("U0SBAPPRV2");
            assertThat(stored.path("callback_id").asText()).isEqualTo("console_test");
            assertThat(stored.path("input").asText()).isEqualTo("Wrong <customer>");
            assertThat(console.get("/helpdesk/slack").body()).doesNotContain("modal-" + view);
        }
    }

    private static JsonNode postMessage(ConsoleBot console) throws Exception {
        return postMessage(console, BLOCKS.formatted(console.config.get(Settings.ZENDESK_URL) + "/agent/tickets/77"));
    }

    private static JsonNode postMessage(ConsoleBot console, String blocks) throws Exception {
        return slackApi(console, "chat.postMessage", Json.MAPPER.createObjectNode().put("channel", console.config.get(Settings.SLACK_CHANNEL))
                .put("text", "Plan for ticket 77").put("blocks", blocks));
    }

    private static JsonNode slackApi(ConsoleBot console, String method, JsonNode call) throws Exception {
        String body = call.toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(console.config.get(Settings.SLACK_API_URL) + method))
                .header("Authorization", "Bearer " + console.config.get(Settings.SLACK_BOT_TOKEN))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return Json.MAPPER.readTree(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body());
    }
}
