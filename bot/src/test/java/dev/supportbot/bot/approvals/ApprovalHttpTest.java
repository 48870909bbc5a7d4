package dev.supportbot.bot.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.engine.EffectStep;
import dev.supportbot.bot.engine.InstanceEvents;
import dev.supportbot.bot.engine.InstanceStore;
import dev.supportbot.bot.engine.TestEngines;
import dev.supportbot.bot.engine.WorkflowEngine;
import dev.supportbot.bot.engine.WorkflowJson;
import dev.supportbot.bot.inbox.Dispatcher;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.RoutingDispatcher;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.plugin.ClickHandler;
import dev.supportbot.bot.slack.SlackCommands;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.VendorContracts;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.Policy;
import dev.supportbot.workflows.engine.WorkflowRegistry;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;

/**
 * Signed Slack requests to {@code /slack/events} of a running bot: an Approve click and the reject modal's
 * submission are acknowledged at once, stored, and decide the approval once a worker takes them. The clicks reach
 * the click handlers through a stand-in for the {@code /lnr} and click router (another part of the bot).
 */
class ApprovalHttpTest {
    private static final String CODE = "aB3dE5fG7hJ9kL1mN2pQ4rS6";
    static ClientAndServer slackServer;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startSlack() {
        slackServer = ClientAndServer.startClientAndServer();
    }

    @AfterAll
    static void stopSlack() {
        VendorContracts.assertKeptThenStop(VendorContracts.Api.SLACK, slackServer);
    }

    /** Routes stored clicks by action id to the approvals' click handlers, as the commands router does. */
    private static Dispatcher clicks(Approvals approvals) {
        return event -> {
            JsonNode p = Json.MAPPER.readTree(event.payload());
            String actionId = p.path("action_id").asText();
            ClickHandler handler = approvals.clickHandlers().stream().filter(h -> h.actionIds().contains(actionId)).findFirst()
                    .orElse(null);
            if (handler == null) return Handled.noop("no click handler for " + actionId);
            return handler.handle(new ClickHandler.Click(actionId, p.path("value").asText(null), p.path("user_id").asText(null),
                    p.path("channel_id").asText(null), p.path("message_ts").asText(null), p.path("response_url").asText(null),
                    p.path("trigger_id").asText(null)), event);
        };
    }

    /** A bot with the approvals wired, Slack at {@link #slackServer} (views.open answering {@code viewId}). */
    private record Running(SupportBot bot, Approvals approvals, WorkflowEngine engine, SlackNotifier notifier) implements AutoCloseable {
        @Override
        public void close() {
            bot.close();
            notifier.close();
        }
    }

    private static Running start(String viewId) {
        VendorContracts.assertKeptThenReset(VendorContracts.Api.SLACK, slackServer);
        ApprovalFixture.slackAnswersEverything(slackServer);
        ApprovalFixture.answer(slackServer, "views.open", "{\"ok\":true,\"view\":{\"id\":\"" + viewId + "\"}}");
        Map<String, String> env = TestBots.env();
        env.put("BOT_SLACK_API_URL", "http://127.0.0.1:" + slackServer.getPort() + "/api/");
        env.put("BOT_SLACK_BOT_TOKEN", "xoxb-test");
        env.put("BOT_SLACK_CHANNEL", ApprovalFixture.CHANNEL);
        env.put("BOT_APPROVERS", "U_A1,U_A2");
        var config = TestBots.config(env);
        WorkflowRegistry registry = WorkflowRegistry.of(new OwnershipVerification());
        WorkflowEngine engine = TestEngines.engine(registry, Clock.systemUTC());
        AtomicReference<Approvals> wired = new AtomicReference<>();
        SlackNotifier notifier = SlackNotifier.fromConfig(config);
        SupportBot bot = SupportBot.builder(config).host("127.0.0.1").dispatcher(context -> {
            Approvals approvals = Approvals.create(config, context.database(), notifier, context.clock(),
                    id -> Optional.of("slack:U_AGENT"), ticket -> Optional.empty(), engine);
            wired.set(approvals);
            return new RoutingDispatcher(Map.of("slack", clicks(approvals),
                    SlackCommands.VIEW_SOURCE, approvals.dispatchers().get(SlackCommands.VIEW_SOURCE)));
        }).start();
        return new Running(bot, wired.get(), engine, notifier);
    }

    @Test
    void a_signed_approve_click_and_a_reject_reason_reach_the_approvals() throws Exception {
        try (Running running = start("VREJECT1")) {
            SupportBot bot = running.bot();
            long approved = plan(running, 1);
            long rejected = plan(running, 2);

            assertThat(post(bot, click("approve", approved, "U_A1")).statusCode()).isEqualTo(200);
            assertThat(post(bot, click("reject", rejected, "U_A2")).statusCode()).isEqualTo(200);
            awaitModal(bot);

            HttpResponse<String> submitted = post(bot, submission("VREJECT1", "U_A2", rejected, "wrong customer, see " + CODE));
            assertThat(submitted.statusCode()).isEqualTo(200);
            assertThat(submitted.body()).isEmpty();

            ApprovalStore store = new ApprovalStore(bot.database());
            Await.until("both decisions", Duration.ofSeconds(20), () ->
                    store.byId(approved).orElseThrow().state() == ApprovalState.APPROVED
                            && store.byId(rejected).orElseThrow().state() == ApprovalState.REJECTED);
            Approval r = store.byId(rejected).orElseThrow();
            assertThat(r.rejectReason()).isEqualTo("wrong customer, see [REDACTED activation code]");
            WorkflowEngine engine = running.engine();
            List<Event> events = bot.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT payload FROM inbox WHERE source = :s ORDER BY id").bind("s", InstanceEvents.SOURCE)
                    .mapTo(String.class).list()).stream().map(p -> engine.json().read(p, InstanceEvents.Addressed.class).event()).toList();
            assertThat(events).containsExactlyInAnyOrder(
                    new Event.ApprovalDecided(approved, r.planHash(), true, List.of("slack:U_A1"), null),
                    new Event.ApprovalDecided(rejected, r.planHash(), false, List.of("slack:U_A2"), r.rejectReason()));
            String stored = bot.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT payload FROM inbox WHERE source = :s").bind("s", SlackCommands.VIEW_SOURCE).mapTo(String.class).one());
            assertThat(stored).doesNotContain(CODE).doesNotContain("legacy");
        }
    }

    @Test
    void a_reason_counts_only_for_a_view_the_bot_opened_for_that_approver_and_only_once() throws Exception {
        try (Running running = start("VOPENED7")) {
            SupportBot bot = running.bot();
            long plan = plan(running, 3);
            ApprovalStore store = new ApprovalStore(bot.database());

            HttpResponse<String> forged = post(bot, submission("VNEVER1", "U_A2", plan, "forged"));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(forged.body()).contains("the bot did not open this form; nothing was changed");

            assertThat(post(bot, click("reject", plan, "U_A2")).statusCode()).isEqualTo(200);
            awaitModal(bot);
            HttpResponse<String> otherUser = post(bot, submission("VOPENED7", "U_A1", plan, "not mine to give"));
            assertThat(otherUser.statusCode()).isEqualTo(403);
            assertThat(otherUser.body()).contains("this form was opened for someone else");
            assertThat(viewSubmissionsStored(bot)).as("refused submissions store nothing").isZero();
            assertThat(store.byId(plan).orElseThrow().state()).isEqualTo(ApprovalState.PENDING);

            String real = submission("VOPENED7", "U_A2", plan, "Sam left Acme");
            assertThat(post(bot, real).statusCode()).isEqualTo(200);
            Await.until("the rejection", Duration.ofSeconds(20),
                    () -> store.byId(plan).orElseThrow().state() == ApprovalState.REJECTED);
            assertThat(store.byId(plan).orElseThrow().rejectReason()).isEqualTo("Sam left Acme");
            assertThat(store.byId(plan).orElseThrow().rejectedBy()).isEqualTo("U_A2");

            HttpResponse<String> replayed = post(bot, real);
            assertThat(replayed.statusCode()).isEqualTo(403);
            assertThat(replayed.body()).contains("this form was already submitted");
            assertThat(viewSubmissionsStored(bot)).isEqualTo(1);
        }
    }

    /** Waits until the reject click's modal is open and recorded (the worker records it after views.open answers). */
    private static void awaitModal(SupportBot bot) {
        Await.until("the reason modal", Duration.ofSeconds(20), () -> bot.database().jdbi().withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM slack_view").mapTo(Long.class).one()) == 1);
    }

    private static long viewSubmissionsStored(SupportBot bot) {
        return bot.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inbox WHERE source = :s")
                .bind("s", SlackCommands.VIEW_SOURCE).mapTo(Long.class).one());
    }

    private static String click(String action, long approval, String user) {
        return "payload=" + URLEncoder.encode("""
                {"type":"block_actions","token":"legacy","trigger_id":"tr-%d","user":{"id":"%s"},"team":{"id":"T1"},
                 "channel":{"id":"C0SUPPORT"},"container":{"message_ts":"%s"},"response_url":"https://hooks.slack.example/a",
                 "actions":[{"action_id":"%s","value":"%d","type":"button","block_id":"b"}]}
                """.formatted(System.nanoTime(), user, ApprovalFixture.TS, action, approval), StandardCharsets.UTF_8);
    }

    private static String submission(String viewId, String user, long approval, String reason) {
        return "payload=" + URLEncoder.encode("""
                {"type":"view_submission","token":"legacy","team":{"id":"T1"},"user":{"id":"%s"},
                 "view":{"id":"%s","type":"modal","callback_id":"approval_reject","private_metadata":"%d",
                   "state":{"values":{"input":{"input":{"type":"plain_text_input","value":"%s"}}}}}}
                """.formatted(user, viewId, approval, reason), StandardCharsets.UTF_8);
    }

    /** A plan of an ownership verification started by an agent on {@code ticket}, put before the approvers. */
    private static long plan(Running running, long ticket) {
        InstanceStore instances = new InstanceStore(running.bot().database(), Clock.systemUTC());
        return request(running.approvals(), instances.create(ticket, "ownership_verification", "{}", "slack:U_AGENT").id());
    }

    private static long request(Approvals approvals, long instanceId) {
        Effect.RequestApproval effect = new Effect.RequestApproval("approval", ApprovalFixture.plan(), 1, Duration.ofHours(72));
        @SuppressWarnings("unchecked")
        var handler = (dev.supportbot.bot.engine.EffectHandler<Effect.RequestApproval>) approvals.effectHandlers().stream()
                .filter(h -> h.type() == Effect.RequestApproval.class).findFirst().orElseThrow();
        return Long.parseLong(handler.run(new EffectStep(instanceId, ApprovalFixture.TICKET, 1, 0, List.of(effect)), effect, false)
                .result().get(Effect.RequestApproval.APPROVAL_ID));
    }

    private HttpResponse<String> post(SupportBot bot, String form) throws Exception {
        String ts = Long.toString(Instant.now().getEpochSecond());
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/slack/events"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", Signing.slack(TestBots.SLACK_SECRET, ts, form))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
