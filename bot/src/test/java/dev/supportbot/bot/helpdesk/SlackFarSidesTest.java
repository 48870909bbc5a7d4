package dev.supportbot.bot.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.slack.SlackBlock;
import dev.supportbot.bot.slack.SlackButton;
import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.bot.slack.SlackMessageRef;
import dev.supportbot.bot.slack.SlackNotifier;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bot's Slack notifier against MockServer and the sandbox Slack, with the same assertions. */
class SlackFarSidesTest {
    private static final String CODE = "aB3dE5fG7hJ9kL1mN2pQ4rS6";

    private SlackFarSide far;
    private SlackNotifier slack;

    static Stream<Arguments> farSides() {
        return Stream.of(
                Arguments.of("MockServer", (Supplier<SlackFarSide>) SlackFarSide::mock),
                Arguments.of("sandbox", (Supplier<SlackFarSide>) SlackFarSide::sandbox));
    }

    private void open(Supplier<SlackFarSide> side) {
        far = side.get();
        slack = SlackNotifier.fromConfig(far.config());
    }

    @AfterEach
    void close() {
        if (slack != null) slack.close();
        if (far != null) far.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("farSides")
    void a_message_with_blocks_and_buttons_is_posted_then_replaced(String name, Supplier<SlackFarSide> side) throws Exception {
        open(side);
        SlackMessage approval = new SlackMessage("Approval needed for ticket 42",
                List.of(new SlackBlock.Header("Add a contact"), new SlackBlock.Section("*Sam Rivera* to A-S00001001")),
                List.of(SlackButton.of("approval_approve", "Approve", "a-1"), SlackButton.of("approval_reject", "Reject", "a-1")));

        SlackMessageRef ref = slack.post(approval).orElseThrow();
        slack.update(ref, SlackMessage.text("Approved by Alex Morgan"));

        List<SlackFarSide.Held> held = far.messages();
        assertThat(held).hasSize(1);
        assertThat(held.get(0).ts()).isEqualTo(ref.ts());
        assertThat(held.get(0).channel()).isEqualTo(ref.channel());
        assertThat(held.get(0).text()).isEqualTo("Approved by Alex Morgan");
        assertThat(held.get(0).blocks()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("farSides")
    void the_blocks_arrive_as_block_kit_with_the_buttons_last_and_secrets_masked(String name, Supplier<SlackFarSide> side)
            throws Exception {
        open(side);
        slack.post(new SlackMessage("Code " + CODE, List.of(new SlackBlock.Section("Pasted: " + CODE)),
                List.of(SlackButton.of("approval_approve", "Approve", "a-2"))));

        SlackFarSide.Held held = far.messages().get(0);
        JsonNode blocks = Json.MAPPER.readTree(held.blocks());
        assertThat(held.text()).doesNotContain(CODE);
        assertThat(held.blocks()).doesNotContain(CODE);
        assertThat(blocks).extracting(b -> b.path("type").asText()).containsExactly("section", "actions");
        JsonNode button = blocks.get(1).path("elements").get(0);
        assertThat(button.path("action_id").asText()).isEqualTo("approval_approve");
        assertThat(button.path("value").asText()).isEqualTo("a-2");
        assertThat(button.path("text").path("text").asText()).isEqualTo("Approve");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("farSides")
    void an_answer_through_a_response_url_is_shown_to_the_user_who_clicked(String name, Supplier<SlackFarSide> side) {
        open(side);
        slack.respond(far.responseUrl("U0SBAPPRV1"), SlackMessage.text("Only approvers may approve (code " + CODE + ")"));

        assertThat(far.ephemerals()).hasSize(1);
        assertThat(far.ephemerals().get(0)).startsWith("Only approvers may approve").doesNotContain(CODE);
    }
}
