package dev.supportbot.bot.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.slack.OpenedViews;
import dev.supportbot.bot.slack.SlackButton;
import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.bot.slack.SlackMessageRef;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.bot.testing.TestBots;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bot's real Slack notifier against the Slack stand-in, a click turned into a signed block_actions request the
 * bot accepts and stores, the answer through the response URL, and the look-ups the approvals use.
 */
class SandboxSlackTest {

    @Test
    void posts_updates_clicks_and_response_urls_go_through_the_stand_in() throws Exception {
        try (HelpdeskBot sandbox = HelpdeskBot.start(); SlackNotifier slack = SlackNotifier.fromConfig(sandbox.config)) {
            SlackMessageRef ref = slack.post(new SlackMessage("Approve adding Sam Rivera?",
                    List.of(SlackButton.of("approval_approve", "Approve", "42")))).orElseThrow();
            slack.update(ref, SlackMessage.text("Approve adding Sam Rivera? (updated)"));
            slack.update(ref, new SlackMessage("Approve adding Sam Rivera?", List.of(SlackButton.of("approval_approve", "Approve", "42"))));

            SlackInteractions.Answer answer = sandbox.helpdesk.interactions().click(ref.channel(), ref.ts(), "approval_approve", "U0SBAPPRV1");

            assertThat(slack.enabled()).isTrue();
            assertThat(ref.channel()).isEqualTo(SandboxSettings.CHANNEL);
            assertThat(answer.status()).isEqualTo(200);
            String payload = sandbox.jdbi().withHandle(h -> h.createQuery(
                    "SELECT payload FROM inbox WHERE source = 'slack' AND event_type = 'block_action:approval_approve'")
                    .mapTo(String.class).one());
            JsonNode click = Json.MAPPER.readTree(payload);
            assertThat(click.path("user_id").asText()).isEqualTo("U0SBAPPRV1");
            assertThat(click.path("value").asText()).isEqualTo("42");
            assertThat(click.path("message_ts").asText()).isEqualTo(ref.ts());
            String responseUrl = click.path("response_url").asText();
            assertThat(responseUrl).startsWith(sandbox.base() + "/sandbox/slack/respond/");

            slack.respond(responseUrl, SlackMessage.text("Only you can see this"));

            SlackStore.Message ephemeral = sandbox.helpdesk.slack().messages(ref.channel(), 10).get(0);
            assertThat(ephemeral.kind()).isEqualTo("ephemeral");
            assertThat(ephemeral.userId()).isEqualTo("U0SBAPPRV1");
            assertThat(ephemeral.text()).isEqualTo("Only you can see this");
            SlackStore.Message original = sandbox.helpdesk.slack().message(ref.channel(), ref.ts()).orElseThrow();
            assertThat(original.editedAt()).isNotNull();
            assertThat(original.blocks()).contains("\"action_id\":\"approval_approve\"");
        }
    }

    @Test
    void users_are_looked_up_by_email_and_the_approvers_group_lists_the_approvers() throws Exception {
        try (HelpdeskBot sandbox = HelpdeskBot.start()) {
            String api = sandbox.config.get(Settings.SLACK_API_URL);
            String auth = "Bearer " + sandbox.config.get(Settings.SLACK_BOT_TOKEN);
            JsonNode found = Json.MAPPER.readTree(sandbox.post(api + "users.lookupByEmail", "application/x-www-form-urlencoded",
                    "email=alex.morgan%40gitlab.com", "Authorization", auth).body());
            JsonNode missing = Json.MAPPER.readTree(sandbox.post(api + "users.lookupByEmail", "application/x-www-form-urlencoded",
                    "email=sam%40acme.example", "Authorization", auth).body());
            JsonNode group = Json.MAPPER.readTree(sandbox.post(api + "usergroups.users.list", "application/x-www-form-urlencoded",
                    "usergroup=" + HelpdeskPeople.APPROVERS_GROUP, "Authorization", auth).body());
            JsonNode anonymous = Json.MAPPER.readTree(sandbox.post(api + "usergroups.users.list", "application/x-www-form-urlencoded",
                    "usergroup=" + HelpdeskPeople.APPROVERS_GROUP, "Authorization", "Bearer xoxb-guess").body());

            assertThat(found.path("ok").asBoolean()).isTrue();
            assertThat(found.path("user").path("id").asText()).isEqualTo("U0SBAPPRV1");
            assertThat(missing.path("error").asText()).isEqualTo("users_not_found");
            assertThat(group.path("users")).extracting(JsonNode::asText).containsExactly("U0SBAPPRV1", "U0SBAPPRV2");
            assertThat(anonymous.path("error").asText()).isEqualTo("invalid_auth");
            assertThat(sandbox.config.get(Settings.APPROVERS)).containsExactly("U0SBAPPRV1", "U0SBAPPRV2");
            assertThat(sandbox.config.get(Settings.SLACK_AGENTS)).containsExactly("U0SBAGENT1", "U0SBAGENT2");
        }
    }

    @Test
    void auth_test_names_the_configured_workspace_for_the_bots_token_only() throws Exception {
        try (HelpdeskBot sandbox = HelpdeskBot.start()) {
            String api = sandbox.config.get(Settings.SLACK_API_URL);
            JsonNode me = Json.MAPPER.readTree(sandbox.post(api + "auth.test", "application/x-www-form-urlencoded", "",
                    "Authorization", "Bearer " + sandbox.config.get(Settings.SLACK_BOT_TOKEN)).body());
            JsonNode anonymous = Json.MAPPER.readTree(sandbox.post(api + "auth.test", "application/x-www-form-urlencoded", "",
                    "Authorization", "Bearer xoxb-guess").body());

            assertThat(me.path("ok").asBoolean()).isTrue();
            assertThat(me.path("team_id").asText()).as("the configured workspace").isEqualTo(SlackInteractions.TEAM);
            assertThat(me.path("user_id").asText()).isEqualTo(SlackStandInRoutes.BOT_USER);
            assertThat(anonymous.path("error").asText()).isEqualTo("invalid_auth");
        }
    }

    @Test
    void a_real_url_switches_each_stand_in_off_and_keeps_the_operators_values() {
        Map<String, String> env = new HashMap<>(TestBots.envWithoutDatabase());
        env.put("BOT_ZENDESK_URL", "https://acme.zendesk.com");
        env.put("BOT_SLACK_API_URL", "https://slack.com/api/");
        BotConfig real = TestBots.config(env);
        env.remove("BOT_SLACK_API_URL");
        env.put("BOT_APPROVERS", "UREAL1");
        BotConfig slackOnly = TestBots.config(env);
        var configured = Plugins.standard(slackOnly).configure(slackOnly);

        assertThat(SandboxHelpdeskPlugin.wanted(real)).isFalse();
        assertThat(SandboxHelpdeskPlugin.wanted(slackOnly)).isTrue();
        assertThat(configured.get(Settings.ZENDESK_URL)).isEqualTo("https://acme.zendesk.com");
        assertThat(configured.get(Settings.ZENDESK_TOKEN)).isNull();
        assertThat(configured.get(Settings.ZENDESK_WEBHOOK_SECRET)).isEqualTo(TestBots.ZENDESK_SECRET);
        assertThat(configured.get(Settings.SLACK_API_URL)).matches("http://127\\.0\\.0\\.1:\\d+/sandbox/slack/api/");
        assertThat(configured.get(Settings.SLACK_SIGNING_SECRET)).isEqualTo(TestBots.SLACK_SECRET);
        assertThat(configured.get(Settings.APPROVERS)).containsExactly("UREAL1");
        assertThat(configured.get(Settings.SLACK_TEAM_ID)).as("the operator's workspace").isEqualTo(TestBots.SLACK_TEAM);
        env.remove("BOT_SLACK_TEAM_ID");
        assertThat(Plugins.standard(TestBots.config(env)).configure(TestBots.config(env)).get(Settings.SLACK_TEAM_ID)).isEqualTo(SlackInteractions.TEAM);
    }

    @Test
    void a_modal_opened_for_a_click_is_recorded_and_its_submission_reaches_the_bot_signed() throws Exception {
        try (HelpdeskBot sandbox = HelpdeskBot.start(); SlackNotifier slack = SlackNotifier.fromConfig(sandbox.config)) {
            SlackMessageRef ref = slack.post(new SlackMessage("Approve?", List.of(SlackButton.of("approval_reject", "Reject", "7"))))
                    .orElseThrow();
            assertThat(sandbox.helpdesk.interactions().click(ref.channel(), ref.ts(), "approval_reject", "U0SBAPPRV2").status())
                    .isEqualTo(200);
            String triggerId = sandbox.jdbi().withHandle(h -> h.createQuery("SELECT trigger_id FROM sandbox_slack_interaction")
                    .mapTo(String.class).one());
            String api = sandbox.config.get(Settings.SLACK_API_URL);
            String auth = "Bearer " + sandbox.config.get(Settings.SLACK_BOT_TOKEN);
            String view = "{\"type\":\"modal\",\"callback_id\":\"reject_reason\",\"title\":{\"type\":\"plain_text\",\"text\":\"Reject\"}}";

            JsonNode opened = Json.MAPPER.readTree(sandbox.post(api + "views.open", "application/json",
                    Json.MAPPER.writeValueAsString(Map.of("trigger_id", triggerId, "view", view)), "Authorization", auth).body());
            JsonNode stale = Json.MAPPER.readTree(sandbox.post(api + "views.open", "application/json",
                    Json.MAPPER.writeValueAsString(Map.of("trigger_id", "1.unknown", "view", view)), "Authorization", auth).body());
            String viewId = opened.path("view").path("id").asText();
            assertThat(sandbox.helpdesk.slack().view(viewId).orElseThrow().json()).contains("reject_reason");
            // Opened here rather than by a click handler: recorded as the bot records the views it opens.
            new OpenedViews(sandbox.bot.database(), Clock.systemUTC()).opened(viewId, "U0SBAPPRV2", "reject_reason");
            HttpResponse<String> submitted = sandbox.post(sandbox.base() + "/sandbox/slack/submissions", "application/json",
                    Json.MAPPER.writeValueAsString(Map.of("view_id", viewId, "user", "U0SBAPPRV2",
                            "values", Map.of("reason", Map.of("reason_input", "Wrong customer")))));
            HttpResponse<String> unknownView = sandbox.post(sandbox.base() + "/sandbox/slack/submissions", "application/json",
                    "{\"view_id\":\"VNOPE\",\"user\":\"U0SBAPPRV2\",\"values\":{}}");

            assertThat(opened.path("ok").asBoolean()).isTrue();
            assertThat(viewId).startsWith("V");
            assertThat(sandbox.helpdesk.slack().view(viewId)).as("a submitted modal closes").isEmpty();
            assertThat(stale.path("error").asText()).isEqualTo("invalid_trigger_id");
            assertThat(submitted.statusCode()).isEqualTo(200);
            // The bot checked the signature and parsed the submission (no handler for it yet: that is the approvals' part).
            int botStatus = Json.MAPPER.readTree(submitted.body()).path("bot_status").asInt();
            assertThat(botStatus).isNotEqualTo(401).isNotEqualTo(400).isNotZero();
            assertThat(unknownView.statusCode()).isEqualTo(404);
            assertThat(Json.MAPPER.readTree(unknownView.body()).path("error").asText()).isEqualTo("view_not_found");
        }
    }
}
