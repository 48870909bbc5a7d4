package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.slack.SlackBlock;
import dev.supportbot.bot.slack.SlackButton;
import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Effect.SlackMessage.Button;
import dev.supportbot.workflows.engine.Effect.SlackMessage.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A workflow's Slack post as Block Kit: header, the ticket link beside the workflow's fields, buttons valued with the ticket. */
class SlackMessageHandlerTest {
    private final SlackMessageHandler handler = new SlackMessageHandler(null, new TicketLinks("https://acme.zendesk.example"),
            ticket -> ticket == 42 ? java.util.Optional.of("Sam Rivera") : java.util.Optional.empty());

    @Test
    void a_post_with_a_title_fields_and_buttons_becomes_blocks_with_the_ticket_link() {
        var effect = new Effect.SlackMessage("Ticket #42: could not open the approval request (Zendesk answered 422).",
                "Ownership verification needs an agent",
                List.of(new Field("Subscription", "A-S00001001"), new Field("Outcome", "could not open the approval request")),
                List.of(new Button("ownership_escalate", "Escalate", false), new Button("ownership_cancel", "Cancel", true)));

        SlackMessage message = handler.render(effect, 42);

        assertThat(message.text()).startsWith("Ticket #42: could not").endsWith("https://acme.zendesk.example/agent/tickets/42");
        assertThat(message.blocks()).containsExactly(
                new SlackBlock.Header("Ownership verification needs an agent"),
                new SlackBlock.Fields(List.of("*Ticket*\n<https://acme.zendesk.example/agent/tickets/42|#42>",
                        "*Requester*\nSam Rivera", "*Subscription*\nA-S00001001", "*Outcome*\ncould not open the approval request")));
        assertThat(message.buttons()).containsExactly(
                new SlackButton("ownership_escalate", "Escalate", "42", SlackButton.Style.DEFAULT),
                new SlackButton("ownership_cancel", "Cancel", "42", SlackButton.Style.DANGER));
    }

    @Test
    void a_requester_the_ticket_does_not_name_is_unknown() {
        SlackMessage message = handler.render(new Effect.SlackMessage("t", "Title", List.of(), List.of()), 7);
        assertThat(((SlackBlock.Fields) message.blocks().get(1)).mrkdwn()).contains("*Requester*\nunknown");
    }

    @Test
    void a_text_only_post_stays_text_with_the_link() {
        SlackMessage message = handler.render(new Effect.SlackMessage("Something happened."), 7);
        assertThat(message.blocks()).isEmpty();
        assertThat(message.buttons()).isEmpty();
        assertThat(message.text()).isEqualTo("Something happened.\nhttps://acme.zendesk.example/agent/tickets/7");
    }

    @Test
    void a_long_title_is_cut_to_slack_s_header_limit() {
        SlackMessage message = handler.render(new Effect.SlackMessage("t", "x".repeat(300), List.of(), List.of()), 7);
        assertThat(((SlackBlock.Header) message.blocks().get(0)).text()).hasSize(150).endsWith("…");
    }
}
