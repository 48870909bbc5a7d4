package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import dev.supportbot.bot.slack.SlackBlock;
import dev.supportbot.bot.slack.SlackButton;
import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Effect.SlackMessage.Button;
import dev.supportbot.workflows.engine.Effect.SlackMessage.Field;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;

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
    void a_post_with_buttons_retried_after_it_went_out_updates_that_message_instead_of_posting_again() throws Exception {
        ClientAndServer slackApi = ClientAndServer.startClientAndServer();
        try (SlackNotifier slack = SlackNotifier.fromConfig(dev.supportbot.bot.testing.TestBots.config(Map.of(
                "BOT_SLACK_API_URL", "http://127.0.0.1:" + slackApi.getPort() + "/api/",
                "BOT_SLACK_BOT_TOKEN", "xoxb-test", "BOT_SLACK_CHANNEL", "C123")))) {
            answer(slackApi, "chat.postMessage", "{\"ok\":true,\"channel\":\"C123\",\"ts\":\"1700000000.000200\"}");
            answer(slackApi, "chat.update", "{\"ok\":true,\"channel\":\"C123\",\"ts\":\"1700000000.000200\"}");
            SlackMessageHandler posting = new SlackMessageHandler(slack, new TicketLinks("https://acme.zendesk.example"),
                    ticket -> java.util.Optional.of("Sam Rivera"));
            var effect = new Effect.SlackMessage("Ticket #42 needs an agent.", "Ownership verification needs an agent",
                    List.of(), List.of(new Button("ownership_escalate", "Escalate", false)));
            EffectStep step = new EffectStep(5L, 42, 3, 0, List.<Effect>of(effect));

            posting.run(step, effect, false);
            // The worker died before the step was marked done: the channel has the message, the retry runs the step again.
            String blocks = form(slackApi.retrieveRecordedRequests(request().withPath("/api/chat.postMessage"))[0]).get("blocks");
            answer(slackApi, "conversations.history", "{\"ok\":true,\"has_more\":false,\"messages\":[{\"type\":\"message\","
                    + "\"ts\":\"1700000000.000200\",\"text\":\"Ticket #42 needs an agent.\",\"blocks\":" + blocks + "}]}");
            posting.run(step, effect, true);

            assertThat(slackApi.retrieveRecordedRequests(request().withPath("/api/chat.postMessage"))).hasSize(1);
            assertThat(slackApi.retrieveRecordedRequests(request().withPath("/api/chat.update"))).singleElement()
                    .satisfies(u -> assertThat(form(u).get("ts")).isEqualTo("1700000000.000200"));
        } finally {
            slackApi.stop();
        }
    }

    private static void answer(ClientAndServer server, String method, String json) {
        server.when(request().withMethod("POST").withPath("/api/" + method))
                .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json").withBody(json));
    }

    private static Map<String, String> form(HttpRequest request) {
        return java.util.Arrays.stream(request.getBodyAsString().split("&")).map(p -> p.split("=", 2)).collect(
                java.util.stream.Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length < 2 ? "" : URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
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
