package dev.supportbot.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import dev.supportbot.bot.testing.VendorContracts;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;
import static org.mockserver.model.JsonBody.json;
import static org.mockserver.model.Parameter.param;
import static org.mockserver.model.ParameterBody.params;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.outbound.OutboundException.Failure;
import dev.supportbot.bot.testing.FakeTime;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.MatchType;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpRequest;
import org.mockserver.verify.VerificationTimes;
import org.slf4j.LoggerFactory;

/** The Slack notifier against MockServer standing in for Slack's Web API and a response URL. */
class SlackNotifierTest {
    static final String TOKEN = "xoxb-test-token";
    static final String CHANNEL = "C0SUPPORT";
    static final String CODE = "aB3dE5fG7hJ9kL1mN2pQ4rS6";
    static final String POSTED = "{\"ok\": true, \"channel\": \"C0SUPPORT\", \"ts\": \"1700000000.000100\"}";

    static ClientAndServer slackServer;
    FakeTime time;
    SlackNotifier slack;

    @BeforeAll
    static void startSlack() {
        slackServer = ClientAndServer.startClientAndServer();
    }

    @AfterAll
    static void stopSlack() {
        VendorContracts.assertKeptThenStop(VendorContracts.Api.SLACK, slackServer);
    }

    @BeforeEach
    void connect() {
        VendorContracts.assertKeptThenReset(VendorContracts.Api.SLACK, slackServer);
        time = new FakeTime();
        slack = notifier(TOKEN, CHANNEL);
    }

    @AfterEach
    void disconnect() {
        slack.close();
    }

    SlackNotifier notifier(String token, String channel) {
        return new SlackApiNotifier(baseUrl() + "/api", token, channel, time);
    }

    static String baseUrl() {
        return "http://127.0.0.1:" + slackServer.getPort();
    }

    void answer(String method, String json) {
        slackServer.when(request().withMethod("POST").withPath("/api/" + method))
                .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json").withBody(json));
    }

    static Map<String, String> form(HttpRequest request) {
        return Arrays.stream(request.getBodyAsString().split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                p -> p.length < 2 ? "" : URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    Map<String, String> onlyRequestTo(String method) {
        HttpRequest[] recorded = slackServer.retrieveRecordedRequests(request().withPath("/api/" + method));
        assertThat(recorded).hasSize(1);
        return form(recorded[0]);
    }

    @Test
    void posts_text_to_the_configured_channel_with_the_bot_token() {
        answer("chat.postMessage", POSTED);

        Optional<SlackMessageRef> ref = slack.post(SlackMessage.text("Ticket #42: ownership verified"));

        assertThat(ref).contains(new SlackMessageRef(CHANNEL, "1700000000.000100"));
        slackServer.verify(request().withMethod("POST").withPath("/api/chat.postMessage")
                .withHeader("Authorization", "Bearer " + TOKEN)
                .withBody(params(param("channel", CHANNEL), param("text", "Ticket #42: ownership verified"))),
                VerificationTimes.once());
        assertThat(onlyRequestTo("chat.postMessage")).doesNotContainKey("blocks");
    }

    @Test
    void buttons_go_as_an_actions_block_under_the_text() throws Exception {
        answer("chat.postMessage", POSTED);

        slack.post(new SlackMessage("Approve plan 7 for ticket #42?", List.of(
                new SlackButton("approve", "Approve", "plan-7", SlackButton.Style.PRIMARY),
                new SlackButton("reject", "Reject", "plan-7", SlackButton.Style.DANGER))));

        JsonNode blocks = Json.MAPPER.readTree(onlyRequestTo("chat.postMessage").get("blocks"));
        assertThat(blocks.get(0).get("type").asText()).isEqualTo("section");
        assertThat(blocks.get(0).at("/text/text").asText()).isEqualTo("Approve plan 7 for ticket #42?");
        JsonNode buttons = blocks.get(1).get("elements");
        assertThat(blocks.get(1).get("type").asText()).isEqualTo("actions");
        assertThat(buttons).extracting(b -> b.get("action_id").asText()).containsExactly("approve", "reject");
        assertThat(buttons).extracting(b -> b.get("value").asText()).containsExactly("plan-7", "plan-7");
        assertThat(buttons).extracting(b -> b.get("style").asText()).containsExactly("primary", "danger");
        assertThat(buttons.get(0).at("/text/text").asText()).isEqualTo("Approve");
    }

    @Test
    void secrets_are_masked_before_they_leave_in_text_blocks_and_button_values() {
        answer("chat.postMessage", POSTED);

        slack.post(new SlackMessage("Customer pasted " + CODE, List.of(SlackButton.of("redo", "Redo", CODE))));

        Map<String, String> sent = onlyRequestTo("chat.postMessage");
        assertThat(sent.get("text")).isEqualTo("Customer pasted [REDACTED activation code]");
        assertThat(sent.values()).noneMatch(v -> v.contains(CODE));
    }

    @Test
    void a_rate_limited_post_waits_as_long_as_slack_asks_then_succeeds() {
        slackServer.when(request().withPath("/api/chat.postMessage"), Times.once())
                .respond(response().withStatusCode(429).withHeader("Retry-After", "2"));
        answer("chat.postMessage", POSTED);

        assertThat(slack.post(SlackMessage.text("hello"))).isPresent();

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
        slackServer.verify(request().withPath("/api/chat.postMessage"), VerificationTimes.exactly(2));
    }

    @Test
    void a_ratelimited_error_in_the_body_is_retried_too_but_not_forever() {
        slackServer.when(request().withPath("/api/chat.postMessage"))
                .respond(response().withStatusCode(200).withHeader("Retry-After", "3")
                        .withBody("{\"ok\": false, \"error\": \"ratelimited\"}"));

        assertThatThrownBy(() -> slack.post(SlackMessage.text("hello"))).isInstanceOfSatisfying(OutboundException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.RATE_LIMITED);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
        });
        slackServer.verify(request().withPath("/api/chat.postMessage"), VerificationTimes.exactly(3));
    }

    @Test
    void slack_errors_are_typed() {
        answer("chat.postMessage", "{\"ok\": false, \"error\": \"channel_not_found\"}");
        answer("chat.update", "{\"ok\": false, \"error\": \"invalid_auth\"}");

        assertThatThrownBy(() -> slack.post(SlackMessage.text("hello"))).isInstanceOfSatisfying(OutboundException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.NOT_FOUND);
            assertThat(e.getMessage()).isEqualTo("Slack: post to C0SUPPORT: channel_not_found");
        });
        assertThatThrownBy(() -> slack.update(new SlackMessageRef(CHANNEL, "1.2"), SlackMessage.text("x")))
                .isInstanceOfSatisfying(OutboundException.class, e -> assertThat(e.failure()).isEqualTo(Failure.REJECTED));
    }

    @Test
    void a_failing_slack_is_unavailable() {
        slackServer.when(request().withPath("/api/chat.postMessage")).respond(response().withStatusCode(503));

        assertThatThrownBy(() -> slack.post(SlackMessage.text("hello"))).isInstanceOfSatisfying(OutboundException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.UNAVAILABLE));
    }

    @Test
    void an_answer_slack_would_never_give_is_a_bad_response_not_unreachable() {
        slackServer.when(request().withPath("/api/chat.postMessage")).respond(response().withStatusCode(200)
                .withHeader("Content-Type", "application/json").withBody("<html>proxy login " + CODE + "</html>"));
        assertThatThrownBy(() -> slack.post(SlackMessage.text("hello"))).isInstanceOfSatisfying(OutboundException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.BAD_RESPONSE);
            assertThat(e.getMessage()).startsWith("Slack: post to C0SUPPORT: bad response (").doesNotContain(CODE);
            assertThat(e.getCause()).isNull();
        });

        VendorContracts.assertKeptThenReset(VendorContracts.Api.SLACK, slackServer);
        answer("chat.postMessage", "{\"ok\": true}");
        assertThatThrownBy(() -> slack.post(SlackMessage.text("hello"))).isInstanceOfSatisfying(OutboundException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.BAD_RESPONSE);
            assertThat(e.getMessage()).isEqualTo("Slack: post to C0SUPPORT: bad response (no channel or ts)");
        });
    }

    @Test
    void no_answer_at_all_is_unreachable() {
        SlackNotifier nowhere = new SlackApiNotifier("http://127.0.0.1:1/api", TOKEN, CHANNEL, time);
        try {
            assertThatThrownBy(() -> nowhere.post(SlackMessage.text("hello"))).isInstanceOfSatisfying(OutboundException.class, e -> {
                assertThat(e.failure()).isEqualTo(Failure.UNAVAILABLE);
                assertThat(e.getMessage()).isEqualTo("Slack: post to C0SUPPORT: unreachable (ConnectException)");
            });
        } finally {
            nowhere.close();
        }
    }

    @Test
    void updates_a_message_in_place() {
        answer("chat.update", POSTED);

        slack.update(new SlackMessageRef(CHANNEL, "1700000000.000100"), SlackMessage.text("Approved by <@U123>"));

        slackServer.verify(request().withMethod("POST").withPath("/api/chat.update")
                .withHeader("Authorization", "Bearer " + TOKEN)
                .withBody(params(param("channel", CHANNEL), param("ts", "1700000000.000100"),
                        param("text", "Approved by <@U123>"))),
                VerificationTimes.once());
    }

    @Test
    void answers_through_a_response_url_as_an_ephemeral_message_without_the_token() {
        slackServer.when(request().withPath("/commands/T1/B2/xyz")).respond(response().withStatusCode(200).withBody("ok"));

        slack.respond(baseUrl() + "/commands/T1/B2/xyz", SlackMessage.text("Found license for " + CODE));

        slackServer.verify(request().withMethod("POST").withPath("/commands/T1/B2/xyz").withBody(json("""
                {"response_type": "ephemeral", "text": "Found license for [REDACTED activation code]"}""",
                MatchType.ONLY_MATCHING_FIELDS)), VerificationTimes.once());
        HttpRequest sent = slackServer.retrieveRecordedRequests(request().withPath("/commands/T1/B2/xyz"))[0];
        assertThat(sent.containsHeader("Authorization")).isFalse();
    }

    @Test
    void an_expired_response_url_is_not_found() {
        slackServer.when(request().withPath("/commands/old")).respond(response().withStatusCode(404).withBody("expired_url"));

        assertThatThrownBy(() -> slack.respond(baseUrl() + "/commands/old", SlackMessage.text("late")))
                .isInstanceOfSatisfying(OutboundException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_FOUND));
    }

    @Test
    void without_token_or_channel_posts_are_dropped_with_one_warning() {
        Logger logger = (Logger) LoggerFactory.getLogger(SlackApiNotifier.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try (SlackNotifier noToken = notifier(null, CHANNEL); SlackNotifier noChannel = notifier(TOKEN, null)) {
            assertThat(noToken.enabled()).isFalse();
            assertThat(noChannel.enabled()).isFalse();
            assertThat(noToken.post(SlackMessage.text("one"))).isEmpty();
            assertThat(noToken.post(SlackMessage.text("two"))).isEmpty();
            noToken.update(new SlackMessageRef(CHANNEL, "1.2"), SlackMessage.text("three"));

            slackServer.verify(request().withPath("/api/.*"), VerificationTimes.never());
            assertThat(logged.list).hasSize(1).first()
                    .satisfies(e -> assertThat(e.getFormattedMessage()).contains("BOT_SLACK_BOT_TOKEN", "dropped"));
        } finally {
            logger.detachAppender(logged);
        }
    }

    @Test
    void the_embedded_default_configuration_gives_a_disabled_notifier() {
        try (SlackNotifier fromDefaults = SlackNotifier.fromConfig(
                new dev.supportbot.bot.config.ConfigLoader(env -> null).resolve(Map.of()), time)) {
            assertThat(fromDefaults.enabled()).isFalse();
            assertThat(fromDefaults.post(SlackMessage.text("hello"))).isEmpty();
        }
    }

    @Test
    void a_modal_opens_with_the_trigger_id_and_one_text_input_and_an_expired_trigger_is_no_error() throws Exception {
        answer("views.open", "{\"ok\": true, \"view\": {\"id\": \"V1\"}}");

        assertThat(slack.openModal("trigger-1", new SlackModal("approval_reject", "Reject plan", "17",
                "Rejecting the plan of ticket 42", "Why?", "Reject"))).contains("V1");

        Map<String, String> sent = onlyRequestTo("views.open");
        assertThat(sent).containsEntry("trigger_id", "trigger-1");
        JsonNode view = Json.MAPPER.readTree(sent.get("view"));
        assertThat(view.path("type").asText()).isEqualTo("modal");
        assertThat(view.path("callback_id").asText()).isEqualTo("approval_reject");
        assertThat(view.path("private_metadata").asText()).isEqualTo("17");
        assertThat(view.at("/submit/text").asText()).isEqualTo("Reject");
        JsonNode input = view.path("blocks").get(1);
        assertThat(input.path("type").asText()).isEqualTo("input");
        assertThat(input.path("block_id").asText()).isEqualTo(SlackModal.INPUT);
        assertThat(input.at("/element/action_id").asText()).isEqualTo(SlackModal.INPUT);
        assertThat(input.at("/element/multiline").asBoolean()).isTrue();

        VendorContracts.assertKeptThenReset(VendorContracts.Api.SLACK, slackServer);
        answer("views.open", "{\"ok\": false, \"error\": \"expired_trigger_id\"}");
        assertThat(slack.openModal("trigger-2", new SlackModal("approval_reject", "Reject plan", "17", "x", "Why?", "Reject"))).isEmpty();
        assertThat(slack.openModal(null, new SlackModal("approval_reject", "Reject plan", "17", "x", "Why?", "Reject"))).isEmpty();
    }

    @Test
    void lookups_by_email_and_user_group_and_their_failures() {
        answer("users.lookupByEmail", "{\"ok\": false, \"error\": \"users_not_found\"}");
        answer("usergroups.users.list", "{\"ok\": false, \"error\": \"no_such_subteam\"}");

        assertThat(slack.userIdByEmail("nobody@vendor.example")).isEmpty();
        assertThatThrownBy(() -> slack.userGroupMembers("S404"))
                .isInstanceOfSatisfying(OutboundException.class, e -> assertThat(e.failure()).isEqualTo(Failure.REJECTED))
                .hasMessageContaining("no_such_subteam");
        try (SlackNotifier noToken = notifier(null, CHANNEL)) {
            assertThatThrownBy(() -> noToken.userIdByEmail("agent@vendor.example"))
                    .isInstanceOfSatisfying(OutboundException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_CONFIGURED));
        }
    }
}
