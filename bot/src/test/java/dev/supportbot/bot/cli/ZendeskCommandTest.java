package dev.supportbot.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportbot.bot.config.ConfigException;
import dev.supportbot.bot.testing.FakeTime;
import dev.supportbot.bot.testing.FakeZendeskAdmin;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockserver.matchers.TimeToLive;
import org.mockserver.matchers.Times;
import org.slf4j.LoggerFactory;

/** {@code supportbot zendesk compare|sync} against Zendesk's admin API (MockServer), asserting the requests on the wire. */
class ZendeskCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SHIPPED = Path.of("..", "macros");
    /** Start and command tags of the workflows a test's own macro folder does not cover: lint wants an active macro for each. */
    private static final String OTHER_START_TAGS = "supportbot_start_add_contact supportbot_start_license_troubleshooting supportbot_start_typo_fix supportbot_start_change_contact supportbot_cc_self_service supportbot_start_resend_license supportbot_start_portal_access";
    private static final String OTHER_STARTERS = "Support::Other workflow starts";
    private static final String PUBLIC_URL = "https://bot.example.test";

    private FakeZendeskAdmin zendesk;
    private final FakeTime time = new FakeTime();
    private final Map<String, String> env = new HashMap<>();
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeEach
    void start() {
        zendesk = new FakeZendeskAdmin();
        env.put("BOT_ZENDESK_URL", zendesk.url());
        env.put("BOT_ZENDESK_EMAIL", FakeZendeskAdmin.EMAIL);
        env.put("BOT_ZENDESK_TOKEN", FakeZendeskAdmin.TOKEN);
        env.put("BOT_ZENDESK_UPDATES_PER_MINUTE", "1000");
        env.put("BOT_PUBLIC_URL", PUBLIC_URL + "/");
    }

    @AfterEach
    void stop() {
        zendesk.close();
    }

    private int runWithInput(String stdin, String... args) throws Exception {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new ZendeskCommand(env::get, time, time).run(List.of(args), terminal);
    }

    private int run(String... args) throws Exception {
        return runWithInput("", args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void the_first_sync_creates_the_webhook_the_category_the_macros_and_the_trigger_with_the_json_zendesk_expects()
            throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            assertThat(run("sync", SHIPPED.toString(), "--yes")).as(out() + err).isZero();
        } finally {
            root.detachAppender(logs);
        }

        assertThat(zendesk.bodies("POST", "/api/v2/webhooks")).containsExactly(json("""
                {"webhook": {"name": "supportbot", "status": "active",
                  "endpoint": "https://bot.example.test/webhooks/zendesk", "http_method": "POST", "request_format": "json",
                  "subscriptions": ["conditional_ticket_events"],
                  "description": "Calls supportbot on ticket changes. Zendesk generates the signing secret; it goes to BOT_ZENDESK_WEBHOOK_SECRET."}}
                """));
        String webhookId = zendesk.webhooks.keySet().iterator().next();
        assertThat(zendesk.bodies("POST", "/api/v2/trigger_categories")).containsExactly(json("""
                {"trigger_category": {"name": "supportbot"}}"""));
        String categoryId = zendesk.categories.keySet().iterator().next();

        List<JsonNode> macros = zendesk.bodies("POST", "/api/v2/macros\\.json");
        assertThat(macros).hasSize(shippedMacros());
        assertThat(macros).contains(json("""
                {"macro": {"title": "Support::L&R::Ownership verification::Start (supportbot)", "active": true,
                  "description": "Asks supportbot to verify that the requester owns the subscription named in the ticket.",
                  "actions": [
                    {"field": "current_tags", "value": "supportbot_start_ownership_verification"},
                    {"field": "comment_mode_is_public", "value": "false"},
                    {"field": "comment_value", "value": "supportbot: ownership verification started. The bot asks the requester for one proof that fits the subscription and the Sold To contact for approval in a separate ticket; its findings follow as notes.\\n"}],
                  "restriction": null}}"""));
        assertThat(macros).filteredOn(m -> m.path("macro").path("title").asText().contains("Typo fix"))
                .singleElement().satisfies(m -> assertThat(m.path("macro").path("active").asBoolean()).isTrue());

        assertThat(zendesk.bodies("POST", "/api/v2/triggers\\.json")).containsExactly(json("""
                {"trigger": {"title": "supportbot::Notify on ticket change", "active": true, "position": 9000,
                  "description": "Sends every created or updated ticket to supportbot, which runs the workflows whose tags the ticket carries and redacts activation codes and license keys from new comments. The bot's own API updates are left out. The body carries the latest comment and the ids of the two latest comments, so that the bot reads the comments only when it may have missed one (docs/deploy.md).",
                  "category_id": "%s",
                  "conditions": {
                    "all": [{"field": "current_user", "operator": "is_not", "value": "%d"}],
                    "any": [{"field": "update_type", "operator": "is", "value": "Create"},
                            {"field": "update_type", "operator": "is", "value": "Change"}]},
                  "actions": [{"field": "notification_webhook", "value": ["%s",
                    "{\\"ticket_id\\": \\"{{ticket.id}}\\", \\"event\\": \\"ticket.updated\\", \\"delivery_id\\": \\"{{ticket.id}}-{{ticket.updated_at_with_timestamp}}\\", \\"actor_email\\": \\"{{current_user.email}}\\", \\"actor_name\\": \\"{{current_user.name}}\\", \\"status\\": \\"{{ticket.status}}\\", \\"tags\\": \\"{{ticket.tags}}\\", \\"requester_id\\": \\"{{ticket.requester.id}}\\", \\"comment_id\\": \\"{{ticket.latest_comment.id}}\\", \\"comment_author_id\\": \\"{{ticket.latest_comment.author.id}}\\", \\"comment_author_name\\": \\"{{ticket.latest_comment.author.name}}\\", \\"comment_author_email\\": \\"{{ticket.latest_comment.author.email}}\\", \\"comment_public\\": \\"{{ticket.latest_comment.is_public}}\\", \\"comment_body\\": \\"{{ticket.latest_comment.value}}\\", \\"comment_attachments\\": \\"{%% for a in ticket.latest_comment.attachments %%}{{a.filename}}/{%% endfor %%}\\", \\"recent_comment_ids\\": \\"{%% for c in ticket.comments limit:2 %%}{{c.id}} {%% endfor %%}\\"}"]}]}}
                """.formatted(categoryId, FakeZendeskAdmin.BOT_USER_ID, webhookId)));

        assertThat(out()).contains("BOT_ZENDESK_WEBHOOK_SECRET=" + FakeZendeskAdmin.secretOf(webhookId))
                .contains((shippedMacros() + 3) + " change(s) applied");
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.contains(FakeZendeskAdmin.secretOf(webhookId)) || line.contains(FakeZendeskAdmin.TOKEN));
    }

    @Test
    void a_second_sync_finds_everything_unchanged_and_writes_nothing() throws Exception {
        assertThat(run("sync", SHIPPED.toString(), "--yes")).isZero();
        int writes = zendesk.writes();

        assertThat(run("compare", SHIPPED.toString())).isZero();
        assertThat(out()).contains("0 to create, 0 to update, " + (shippedMacros() + 2) + " unchanged, 0 only in Zendesk").doesNotContain(" update ");
        assertThat(run("sync", SHIPPED.toString(), "--yes")).isZero();
        assertThat(out()).contains("nothing to change");
        assertThat(zendesk.writes()).isEqualTo(writes);
        assertThat(out()).doesNotContain(FakeZendeskAdmin.secretOf(zendesk.webhooks.keySet().iterator().next()));
    }

    @Test
    void compare_prints_create_update_with_the_fields_rename_unchanged_and_zendesk_only_and_changes_nothing(@TempDir Path dir)
            throws Exception {
        write(dir, "active/renamed.yaml", macro("Support::New name", "Support::Old name", "renamed", "supportbot_start_ownership_verification"));
        write(dir, "active/changed.yaml", macro("Support::Changed", null, "new words", "supportbot_ov_escalate"));
        write(dir, "active/same.yaml", macro("Support::Same", null, "same", "supportbot_ov_contract_confirmed"));
        write(dir, "inactive/new.yaml", macro("Support::Brand new", null, "new", "supportbot_start_typo_fix").replace("active: true", "active: false"));
        otherStarters(dir);
        zendesk.addMacro(liveMacro(OTHER_STARTERS, "s", OTHER_START_TAGS));
        long old = zendesk.addMacro(liveMacro("Support::Old name", "renamed", "supportbot_start_ownership_verification"));
        long changed = zendesk.addMacro(liveMacro("Support::Changed", "old words", "supportbot_ov_escalate"));
        zendesk.addMacro(liveMacro("Support::Same", "same", "supportbot_ov_contract_confirmed"));
        long theirs = zendesk.addMacro(liveMacro("Support::Someone else's macro", "theirs", "other_tag"));

        assertThat(run("compare", dir.toString())).as(out() + err).isZero();

        assertThat(out()).contains("macro    update           Support::New name")
                .contains("title: \"Support::Old name\" -> \"Support::New name\"")
                .contains("macro    update           Support::Changed")
                .contains("description: \"old words\" -> \"new words\"")
                .contains("macro    unchanged        Support::Same")
                .contains("macro    create           Support::Brand new")
                .contains("macro    only in Zendesk  Support::Someone else's macro (id " + theirs + ")")
                .contains("1 to create, 2 to update, 2 unchanged, 1 only in Zendesk");
        assertThat(zendesk.writes()).isZero();

        assertThat(run("sync", dir.toString(), "--yes")).isZero();
        assertThat(zendesk.bodies("PUT", "/api/v2/macros/" + old + "\\.json")).singleElement()
                .satisfies(b -> assertThat(b.path("macro").path("title").asText()).isEqualTo("Support::New name"));
        assertThat(zendesk.bodies("PUT", "/api/v2/macros/" + changed + "\\.json")).containsExactly(json("""
                {"macro": {"title": "Support::Changed", "active": true, "description": "new words",
                  "actions": [{"field": "current_tags", "value": "supportbot_ov_escalate"}], "restriction": null}}"""));
        assertThat(zendesk.bodies("POST", "/api/v2/macros\\.json")).hasSize(1);
        assertThat(zendesk.macros).containsKey(theirs).hasSize(6);
        assertThat(zendesk.server().retrieveRecordedRequests(request().withMethod("DELETE"))).isEmpty();
    }

    @Test
    void a_restriction_names_a_group_or_a_user_and_is_sent_as_their_id(@TempDir Path dir) throws Exception {
        zendesk.groups.put("L&R", 555L);
        zendesk.users.put("lead@vendor.example", 777L);
        write(dir, "active/group.yaml", macro("Support::Group only", null, "g", "supportbot_start_ownership_verification")
                .replace("restriction:", "restriction: \"Group: L&R\""));
        write(dir, "active/user.yaml", macro("Support::User only", null, "u", "supportbot_ov_escalate")
                .replace("restriction:", "restriction: \"User: lead@vendor.example\""));
        write(dir, "active/all.yaml", macro("Support::All", null, "a", "supportbot_ov_contract_confirmed"));
        otherStarters(dir);

        assertThat(run("sync", dir.toString(), "--yes")).as(out() + err).isZero();

        assertThat(zendesk.bodies("POST", "/api/v2/macros\\.json")).extracting(b -> b.path("macro").path("restriction"))
                .containsExactlyInAnyOrder(json("{\"type\": \"Group\", \"id\": 555, \"ids\": [555]}"),
                        json("{\"type\": \"User\", \"id\": 777}"), JSON.nullNode(), JSON.nullNode());
        assertThat(run("compare", dir.toString())).isZero();
        assertThat(out()).contains("0 to create, 0 to update, 4 unchanged");
    }

    @Test
    void a_reference_to_nothing_in_zendesk_stops_before_any_change(@TempDir Path dir) throws Exception {
        write(dir, "active/group.yaml", macro("Support::Group only", null, "g", "supportbot_start_ownership_verification")
                .replace("restriction:", "restriction: \"Group: Nobody\""));
        write(dir, "active/cmd.yaml", macro("Support::Cmd", null, "c", "supportbot_ov_escalate supportbot_ov_contract_confirmed"));
        otherStarters(dir);

        assertThat(run("sync", dir.toString(), "--yes")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'Group: Nobody' names no group in Zendesk");
        assertThat(zendesk.writes()).isZero();
    }

    @Test
    void sync_without_yes_asks_and_a_no_changes_nothing() throws Exception {
        assertThat(runWithInput("no\n", "sync", SHIPPED.toString())).isEqualTo(1);
        assertThat(out()).contains("Type 'yes' to go on").contains("nothing changed");
        assertThat(zendesk.writes()).isZero();

        assertThat(runWithInput("yes\n", "sync", SHIPPED.toString())).isZero();
        assertThat(zendesk.macros).hasSize(shippedMacros());
    }

    @Test
    void a_renamed_webhook_is_updated_in_place_and_the_trigger_points_at_it(@TempDir Path dir) throws Exception {
        String id = zendesk.addWebhook("""
                {"name": "old bot hook", "status": "active", "endpoint": "https://old.example.test/webhooks/zendesk",
                 "http_method": "POST", "request_format": "json", "subscriptions": ["conditional_ticket_events"], "description": ""}""");
        zendesk.addCategory("supportbot");
        Files.createDirectories(dir.resolve("webhooks"));
        Files.writeString(dir.resolve("webhooks/supportbot.yaml"), Files.readString(SHIPPED.resolve("webhooks/supportbot.yaml"))
                .replace("title: supportbot", "title: supportbot\nprevious_title: old bot hook"));
        Files.createDirectories(dir.resolve("triggers"));
        Files.copy(SHIPPED.resolve("triggers/supportbot-ticket-updated.yaml"), dir.resolve("triggers/t.yaml"));
        Files.createDirectories(dir.resolve("active"));
        try (var shipped = Files.list(SHIPPED.resolve("active"))) {
            for (Path m : shipped.toList()) Files.copy(m, dir.resolve("active").resolve(m.getFileName()));
        }

        assertThat(run("sync", dir.toString(), "--yes")).as(out() + err).isZero();

        assertThat(zendesk.bodies("POST", "/api/v2/webhooks")).isEmpty();
        assertThat(zendesk.webhooks.get(id).path("name").asText()).isEqualTo("supportbot");
        assertThat(zendesk.webhooks.get(id).path("endpoint").asText()).isEqualTo(PUBLIC_URL + "/webhooks/zendesk");
        assertThat(zendesk.bodies("POST", "/api/v2/triggers\\.json")).singleElement()
                .satisfies(t -> assertThat(t.path("trigger").path("actions").get(0).path("value").get(0).asText()).isEqualTo(id));
        assertThat(out()).doesNotContain("BOT_ZENDESK_WEBHOOK_SECRET=");
    }

    @Test
    void a_rate_limited_call_waits_as_zendesk_asks_and_goes_on() throws Exception {
        zendesk.server().when(request().withMethod("GET").withPath("/api/v2/macros.json"), Times.once(), TimeToLive.unlimited(), 10)
                .respond(response().withStatusCode(429).withHeader("Retry-After", "7"));

        assertThat(run("compare", SHIPPED.toString())).as(out() + err).isZero();

        assertThat(time.sleeps()).contains(Duration.ofSeconds(7));
        assertThat(out()).contains((shippedMacros() + 3) + " to create, 0 to update");
    }

    @Test
    void refused_credentials_are_one_line_without_the_token() throws Exception {
        env.put("BOT_ZENDESK_TOKEN", "wrong-token-456");

        assertThat(run("compare", SHIPPED.toString())).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo(
                "supportbot zendesk: Zendesk: list webhooks: credentials refused (HTTP 401): check BOT_ZENDESK_EMAIL and BOT_ZENDESK_TOKEN");
        assertThat(out() + err).doesNotContain("wrong-token-456");
    }

    @Test
    void compare_without_zendesk_settings_is_a_configuration_error_naming_them() {
        env.remove("BOT_ZENDESK_TOKEN");
        assertThatThrownBy(() -> run("compare", SHIPPED.toString())).isInstanceOf(ConfigException.class)
                .hasMessage("BOT_ZENDESK_TOKEN must be set to reach Zendesk");
    }

    @Test
    void compare_on_the_sandbox_says_there_is_no_zendesk_to_compare_with() {
        env.put("BOT_ZENDESK_URL", "sandbox");
        assertThatThrownBy(() -> run("compare", SHIPPED.toString())).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("BOT_ZENDESK_URL is sandbox: the bot's own Zendesk stand-in")
                .hasMessageContaining("there is no Zendesk to compare with")
                .hasMessageNotContaining("must be set");
    }

    private static void write(Path dir, String file, String text) throws Exception {
        Files.createDirectories(dir.resolve(file).getParent());
        Files.writeString(dir.resolve(file), text);
    }

    private static String macro(String title, String previousTitle, String description, String tag) {
        return "title: " + title + "\n"
                + (previousTitle == null ? "" : "previous_title: " + previousTitle + "\n")
                + "description: " + description + "\nactive: true\nrestriction:\nactions:\n"
                + "  - {field: current_tags, value: " + tag + "}\n";
    }

    private static String liveMacro(String title, String description, String tag) {
        return """
                {"title": "%s", "active": true, "description": "%s", "position": 10, "default": false,
                 "actions": [{"field": "current_tags", "value": "%s"}], "restriction": null}""".formatted(title, description, tag);
    }

    private static int shippedMacros() throws Exception {
        try (var files = java.nio.file.Files.list(SHIPPED.resolve("active"))) {
            return (int) files.filter(p -> p.toString().endsWith(".yaml")).count();
        }
    }

    private void otherStarters(Path dir) throws Exception {
        write(dir, "active/other-starters.yaml", macro(OTHER_STARTERS, null, "s", OTHER_START_TAGS));
    }

}
