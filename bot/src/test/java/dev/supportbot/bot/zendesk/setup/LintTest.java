package dev.supportbot.bot.zendesk.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each lint rule on a good set of files and on that set broken in one place. */
class LintTest {
    private static final Lint LINT = new Lint(Set.of("supportbot_start_x"), Set.of("supportbot_x_command"));

    @TempDir
    Path dir;

    @BeforeEach
    void goodFiles() throws Exception {
        write("webhooks/bot.yaml", """
                title: bot
                description: calls the bot
                active: true
                endpoint: ${BOT_PUBLIC_URL}/webhooks/zendesk
                http_method: POST
                request_format: json
                subscriptions: [conditional_ticket_events]
                """);
        write("triggers/notify.yaml", """
                title: bot::Notify
                description: sends changes
                active: true
                position: 10
                category: bot
                conditions:
                  all:
                    - {field: current_user, operator: is_not, value: "User: ${BOT_ZENDESK_EMAIL}"}
                  any:
                    - {field: update_type, operator: is, value: Change}
                actions:
                  - field: notification_webhook
                    value: ["Webhook: bot", '{"ticket_id": "{{ticket.id}}"}']
                """);
        write("active/start.yaml", """
                title: Support::X::Start
                description: starts x
                active: true
                restriction: "Group: L&R"
                actions:
                  - {field: current_tags, value: supportbot_start_x}
                  - {field: comment_mode_is_public, value: "false"}
                  - {field: comment_value, value: started}
                """);
        write("active/command.yaml", """
                title: Support::X::Command
                previous_title: Support::X::Old command
                active: true
                restriction: "User: lead@vendor.example"
                actions:
                  - {field: current_tags, value: other_tag supportbot_x_command}
                """);
        write("inactive/later.yaml", """
                title: Support::Y::Start
                active: false
                actions:
                  - {field: current_tags, value: supportbot_start_y}
                """);
        Files.writeString(dir.resolve("README.md"), "not a set-up file");
    }

    private void write(String file, String text) throws Exception {
        Files.createDirectories(dir.resolve(file).getParent());
        Files.writeString(dir.resolve(file), text);
    }

    private void replace(String file, String from, String to) throws Exception {
        String text = Files.readString(dir.resolve(file));
        assertThat(text).contains(from);
        Files.writeString(dir.resolve(file), text.replace(from, to));
    }

    private List<String> problems() {
        return LINT.check(SetupFiles.read(dir)).stream().map(Problem::toString).toList();
    }

    private String at(String file, int line) {
        return dir.resolve(file) + ":" + line + ": ";
    }

    @Test
    void the_good_files_have_no_problems_and_an_inactive_macro_may_name_a_tag_no_workflow_handles_yet() {
        assertThat(problems()).isEmpty();
    }

    @Test
    void broken_yaml_is_reported_with_its_file_and_line() throws Exception {
        replace("active/command.yaml", "active: true\n", "active: true\nactions: [unclosed\n");
        assertThat(problems()).anySatisfy(p -> assertThat(p).startsWith(at("active/command.yaml", 5) + "not valid YAML: "));
    }

    @Test
    void a_blank_title_is_a_problem() throws Exception {
        replace("active/start.yaml", "title: Support::X::Start", "title: \"  \"");
        assertThat(problems()).containsExactly(at("active/start.yaml", 1) + "blank title");
    }

    @Test
    void a_duplicate_title_of_the_same_kind_is_a_problem() throws Exception {
        replace("inactive/later.yaml", "Support::Y::Start", "Support::X::Start");
        assertThat(problems()).singleElement().asString()
                .startsWith(at("inactive/later.yaml", 1) + "duplicate macro title 'Support::X::Start' (also in ");
    }

    @Test
    void active_contradicting_the_folder_is_a_problem() throws Exception {
        replace("inactive/later.yaml", "active: false", "active: true");
        assertThat(problems()).containsExactly(at("inactive/later.yaml", 2) + "'active: true' contradicts the folder inactive/");
    }

    @Test
    void an_unknown_action_field_is_a_problem() throws Exception {
        replace("active/start.yaml", "field: comment_value,", "field: comment_valu,");
        assertThat(problems()).containsExactly(at("active/start.yaml", 8) + "unknown macro action field 'comment_valu'");
    }

    @Test
    void a_trigger_action_is_not_a_macro_action() throws Exception {
        replace("active/start.yaml", "field: comment_value,", "field: notification_webhook,");
        assertThat(problems()).containsExactly(at("active/start.yaml", 8) + "unknown macro action field 'notification_webhook'");
    }

    @Test
    void an_unknown_condition_operator_is_a_problem() throws Exception {
        replace("triggers/notify.yaml", "operator: is, value: Change", "operator: equals, value: Change");
        assertThat(problems()).containsExactly(at("triggers/notify.yaml", 10) + "unknown condition operator 'equals'");
    }

    @Test
    void an_unknown_key_is_a_problem() throws Exception {
        replace("active/command.yaml", "active: true", "active: true\nid: 12345");
        assertThat(problems()).singleElement().asString().startsWith(at("active/command.yaml", 4) + "unknown key 'id' for a macro");
    }

    @Test
    void a_reference_to_a_webhook_that_is_not_in_webhooks_is_a_problem() throws Exception {
        replace("triggers/notify.yaml", "\"Webhook: bot\"", "\"Webhook: nobody\"");
        assertThat(problems()).containsExactly(at("triggers/notify.yaml", 13) + "'Webhook: nobody' names no webhook in webhooks/");
    }

    @Test
    void a_user_reference_must_be_an_email_and_a_restriction_a_group_or_user() throws Exception {
        replace("active/command.yaml", "\"User: lead@vendor.example\"", "\"User: the lead\"");
        replace("active/start.yaml", "\"Group: L&R\"", "\"Webhook: bot\"");
        assertThat(problems()).containsExactly(
                at("active/command.yaml", 4) + "'User: the lead' must name a user by email",
                at("active/start.yaml", 4) + "'restriction' must be empty, 'Group: <name>' or 'User: <email>'");
    }

    @Test
    void an_unknown_variable_is_a_problem() throws Exception {
        replace("webhooks/bot.yaml", "${BOT_PUBLIC_URL}", "${BOT_URL}");
        assertThat(problems()).contains(at("webhooks/bot.yaml", 4) + "unknown variable ${BOT_URL} (known: [BOT_PUBLIC_URL, BOT_ZENDESK_EMAIL])");
    }

    @Test
    void an_active_macro_adding_a_bot_tag_no_workflow_handles_is_a_problem() throws Exception {
        replace("active/command.yaml", "supportbot_x_command", "supportbot_x_command supportbot_x_typo");
        assertThat(problems()).containsExactly(at("active/command.yaml", 6)
                + "no workflow handles the tag supportbot_x_typo (a macro for a workflow not built yet belongs in inactive/)");
    }

    @Test
    void a_workflow_start_or_command_tag_without_an_active_macro_is_a_problem() throws Exception {
        Files.delete(dir.resolve("active/start.yaml"));
        Files.move(dir.resolve("active/command.yaml"), dir.resolve("inactive/command.yaml"));
        replace("inactive/command.yaml", "active: true", "active: false");
        assertThat(problems()).containsExactly(
                dir + ": no active macro adds the workflow start tag supportbot_start_x",
                dir + ": no active macro adds the workflow command tag supportbot_x_command");
    }

    @Test
    void trigger_and_webhook_fields_are_checked() throws Exception {
        replace("triggers/notify.yaml", "position: 10", "position: last");
        replace("triggers/notify.yaml", "category: bot\n", "");
        replace("webhooks/bot.yaml", "http_method: POST", "http_method: SEND");
        assertThat(problems()).containsExactly(
                at("triggers/notify.yaml", 1) + "'category' must name the trigger category",
                at("triggers/notify.yaml", 4) + "'position' must be a whole number",
                at("webhooks/bot.yaml", 5) + "'http_method' must be one of [DELETE, GET, PATCH, POST, PUT]");
    }

    @Test
    void a_file_outside_the_four_folders_is_a_problem() throws Exception {
        write("drafts/x.yaml", "title: x\n");
        assertThat(problems()).containsExactly(at("drafts/x.yaml", 1) + "not in one of the folders active/, inactive/, triggers/, webhooks/");
    }
}
