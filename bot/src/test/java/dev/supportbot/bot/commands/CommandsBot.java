package dev.supportbot.bot.commands;

import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.engine.EffectDispatcher;
import dev.supportbot.bot.engine.EffectResult;
import dev.supportbot.bot.engine.EffectStep;
import dev.supportbot.bot.engine.InstanceEventDispatcher;
import dev.supportbot.bot.engine.InstanceStore;
import dev.supportbot.bot.engine.ReminderPort;
import dev.supportbot.bot.engine.TestEngines;
import dev.supportbot.bot.engine.WorkflowEngine;
import dev.supportbot.bot.engine.WorkflowJson;
import dev.supportbot.bot.inbox.Dispatcher;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.RoutingDispatcher;
import dev.supportbot.bot.outbound.Sleeper;
import dev.supportbot.bot.plugin.Context;
import dev.supportbot.bot.slack.SlackCommands;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.VendorContracts;
import dev.supportbot.bot.tracker.IssueTracker;
import dev.supportbot.bot.zendesk.ApiBudget;
import dev.supportbot.bot.zendesk.Zendesk;
import dev.supportbot.bot.zendesk.ZendeskMeter;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Policy;
import dev.supportbot.workflows.engine.WorkflowRegistry;
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
import org.mockserver.integration.ClientAndServer;

/**
 * A bot whose intake is the real HTTP one and whose {@code slack} events go to a {@link CommandRouter} over the engine,
 * on a real database, against a fake Zendesk; MockServer stands for Slack's response URLs. The router registers the
 * ownership workflow with a Cancel button, the plug-in sub-command {@code /lnr ping} and a click handler for
 * {@code approve}.
 */
final class CommandsBot implements AutoCloseable {
    static final String AGENT = "U_AGENT";

    final FakeZendesk zendeskServer = new FakeZendesk();
    final ClientAndServer slackServer = ClientAndServer.startClientAndServer();
    final Clicks approvals = new Clicks("approve");
    final SupportBot bot;
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile WorkflowEngine engine;
    private volatile InstanceStore instances;
    private volatile CommandRouter router;
    private Zendesk zendesk;
    private SlackNotifier slack;

    CommandsBot() {
        slackServer.when(request().withPath("/r/.*")).respond(response().withStatusCode(200).withBody("ok"));
        Map<String, String> env = TestBots.env();
        env.put("BOT_ZENDESK_URL", zendeskServer.url());
        env.put("BOT_ZENDESK_EMAIL", "bot@vendor.example");
        env.put("BOT_ZENDESK_TOKEN", "zd-token");
        BotConfig config = TestBots.config(env);
        bot = SupportBot.builder(config).host("127.0.0.1").dispatcher(context -> dispatcher(config, context)).start();
    }

    private Dispatcher dispatcher(BotConfig config, Context context) {
        Clock clock = context.clock();
        WorkflowRegistry registry = WorkflowRegistry.of(ButtonedOwnership.withCancelButton());
        engine = TestEngines.engine(registry, clock);
        instances = new InstanceStore(context.database(), clock);
        router = CommandRouter.of(engine, instances, clock, List.of(AGENT), List.of(new Ping("ping")),
                List.of(approvals.answeringWith(engine)));
        zendesk = Zendesk.fromConfig(config, ApiBudget.fromConfig(config, context.database(), clock, Sleeper.SYSTEM),
                Sleeper.SYSTEM, ZendeskMeter.NONE);
        slack = SlackNotifier.fromConfig(config);
        EffectDispatcher effects = new EffectDispatcher(TestEngines.engineHandlers(zendesk, slack, IssueTracker.fromConfig(config),
                NO_REMINDERS, zendeskServer.url(), context.database(), engine.json(), clock), engine, clock, 5);
        return new RoutingDispatcher(Map.of(SlackCommands.SOURCE, router, EffectStep.SOURCE, effects,
                EffectResult.SOURCE, new InstanceEventDispatcher(engine, instances)));
    }

    private static final ReminderPort NO_REMINDERS = new ReminderPort() {
        @Override
        public void schedule(long instanceId, int sequence, long ticketId, Instant at) {}

        @Override
        public void cancelAll(long instanceId) {}
    };

    WorkflowEngine engine() {
        return engine;
    }

    InstanceStore instances() {
        return instances;
    }

    CommandRouter router() {
        return router;
    }

    String responseUrl(String name) {
        return "http://127.0.0.1:" + slackServer.getLocalPort() + "/r/" + name;
    }

    /** {@code /lnr text} from {@code user}, signed as Slack signs it; answered through {@link #responseUrl(String)}. */
    HttpResponse<String> command(String user, String text, String replyPath) throws Exception {
        return post("token=verif&team_id=T1&channel_id=C1&user_id=" + user + "&user_name=someone&command=%2Flnr&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&response_url="
                + URLEncoder.encode(responseUrl(replyPath), StandardCharsets.UTF_8) + "&trigger_id=tr-cmd-" + System.nanoTime());
    }

    /** A click on a button with {@code actionId} and {@code value}, signed as Slack signs it. */
    HttpResponse<String> click(String user, String actionId, String value, String triggerId, String replyPath) throws Exception {
        String payload = "{\"type\":\"block_actions\",\"token\":\"verif\",\"trigger_id\":\"" + triggerId + "\","
                + "\"user\":{\"id\":\"" + user + "\"},\"team\":{\"id\":\"T1\"},\"channel\":{\"id\":\"C1\"},"
                + "\"container\":{\"message_ts\":\"1700000000.000100\"},\"response_url\":\"" + responseUrl(replyPath) + "\","
                + "\"actions\":[{\"action_id\":\"" + actionId + "\",\"value\":\"" + value + "\",\"type\":\"button\",\"block_id\":\"b\"}]}";
        return post("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String form) throws Exception {
        String ts = Long.toString(Instant.now().getEpochSecond());
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/slack/events"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", Signing.slack(TestBots.SLACK_SECRET, ts, form))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The texts answered through the response URL {@code replyPath}, oldest first. */
    List<String> answers(String replyPath) {
        return java.util.Arrays.stream(slackServer.retrieveRecordedRequests(request().withPath("/r/" + replyPath)))
                .map(r -> text(r.getBodyAsString()))
                .toList();
    }

    private static String text(String body) {
        try {
            return dev.supportbot.bot.json.Json.MAPPER.readTree(body).path("text").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        bot.close();
        if (zendesk != null) zendesk.close();
        if (slack != null) slack.close();
        VendorContracts.assertKeptThenStop(VendorContracts.Api.SLACK, slackServer);
        zendeskServer.close();
    }
}
