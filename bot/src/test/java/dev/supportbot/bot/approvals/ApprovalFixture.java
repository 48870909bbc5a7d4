package dev.supportbot.bot.approvals;

import static org.mockserver.model.HttpResponse.response;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.engine.EffectHandler;
import dev.supportbot.bot.engine.EffectStep;
import dev.supportbot.bot.engine.InstanceEvents;
import dev.supportbot.bot.engine.InstanceStore;
import dev.supportbot.bot.engine.TestEngines;
import dev.supportbot.bot.engine.WorkflowEngine;
import dev.supportbot.bot.engine.WorkflowJson;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.InboxEvent;
import dev.supportbot.bot.plugin.ClickHandler;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.AcmePlans;
import dev.supportbot.bot.testing.SettableClock;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.TestDatabases;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.Policy;
import dev.supportbot.workflows.engine.WorkflowRegistry;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import dev.supportbot.workflows.plan.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.mockserver.integration.ClientAndServer;

/**
 * Approvals wired on a real database (PostgreSQL), with MockServer standing in for Slack's Web API. Clicks are
 * handed to the click handlers as the router would, and their commits applied as the inbox would; what they queue
 * (workflow events, answers to the clicker) is read back from the inbox table.
 */
final class ApprovalFixture implements AutoCloseable {
    static final String CHANNEL = "C0SUPPORT";
    static final String TS = "1700000000.000100";
    static final String ZENDESK = "https://acme.zendesk.example";
    static final long TICKET = 4242;
    static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
    private static final AtomicLong CAUSES = new AtomicLong(1_000);

    final ClientAndServer slackServer;
    final String dbUrl;
    final Database db;
    final SettableClock clock = new SettableClock(START);
    final WorkflowEngine engine;
    final InstanceStore instances;
    final Map<Long, String> initiators = new ConcurrentHashMap<>();
    final SlackNotifier slack;
    final Approvals approvals;
    final BotConfig config;

    ApprovalFixture(ClientAndServer slackServer, String approvers) {
        this(TestDatabases.freshUrl(), slackServer, Map.of("BOT_APPROVERS", approvers));
    }

    ApprovalFixture(String dbUrl, ClientAndServer slackServer, Map<String, String> settings) {
        this.slackServer = slackServer;
        this.dbUrl = dbUrl;
        Map<String, String> env = new HashMap<>(TestBots.env(dbUrl));
        env.put("BOT_SLACK_API_URL", "http://127.0.0.1:" + slackServer.getPort() + "/api/");
        env.put("BOT_SLACK_BOT_TOKEN", "xoxb-test");
        env.put("BOT_SLACK_CHANNEL", CHANNEL);
        env.put("BOT_ZENDESK_URL", ZENDESK);
        env.putAll(settings);
        config = TestBots.config(env);
        db = TestDatabases.reopen(dbUrl);
        WorkflowRegistry registry = WorkflowRegistry.of(new OwnershipVerification());
        engine = TestEngines.engine(registry, clock);
        instances = new InstanceStore(db, clock);
        slack = SlackNotifier.fromConfig(config);
        approvals = Approvals.create(config, db, slack, clock, id -> Optional.ofNullable(initiators.get(id)),
                ticket -> Optional.of("Sam Rivera"), engine);
    }

    /** A second bot instance on the same database, with its own pool. */
    ApprovalFixture secondInstance(Map<String, String> settings) {
        return new ApprovalFixture(dbUrl, slackServer, settings);
    }

    void answer(String method, String json) {
        answer(slackServer, method, json);
    }

    static void answer(ClientAndServer slackServer, String method, String json) {
        slackServer.when(org.mockserver.model.HttpRequest.request().withMethod("POST").withPath("/api/" + method))
                .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json").withBody(json));
    }

    void slackAnswersEverything() {
        slackAnswersEverything(slackServer);
    }

    static void slackAnswersEverything(ClientAndServer slackServer) {
        answer(slackServer, "chat.postMessage", "{\"ok\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\"" + TS + "\"}");
        answer(slackServer, "chat.update", "{\"ok\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\"" + TS + "\"}");
    }

    /** Acme: Pat Lee is Sold To and member, Bo Chan the Bill To; the plan adds Sam Rivera as a member. */
    static Plan plan() {
        return AcmePlans.addingSam(TICKET, "add a subscription management contact", "verified on this ticket: invoice INV-1");
    }

    /** Starts an instance by {@code initiator} and runs its RequestApproval effect; the approval as stored. */
    Approval request(String initiator, int approversNeeded) {
        long instance = instances.create(TICKET + initiators.size(), "ownership_verification", "{}", initiator).id();
        initiators.put(instance, initiator);
        Effect.RequestApproval effect = new Effect.RequestApproval("approval", plan(), approversNeeded, Duration.ofHours(72));
        EffectStep step = new EffectStep(instance, TICKET, 3, 0, List.of(effect));
        EffectHandler.Ran ran = handler(Effect.RequestApproval.class).run(step, effect, false);
        long id = Long.parseLong(ran.result().get(Effect.RequestApproval.APPROVAL_ID));
        return store().byId(id).orElseThrow();
    }

    ApprovalStore store() {
        return new ApprovalStore(db);
    }

    @SuppressWarnings("unchecked")
    <E extends Effect> EffectHandler<E> handler(Class<E> type) {
        return (EffectHandler<E>) approvals.effectHandlers().stream().filter(h -> h.type() == type).findFirst().orElseThrow();
    }

    ClickHandler clickHandler(String actionId) {
        return approvals.clickHandlers().stream().filter(h -> h.actionIds().contains(actionId)).findFirst().orElseThrow();
    }

    /** The click as the router hands it over; not yet committed. */
    Handled click(String actionId, String value, String userId, String triggerId) throws Exception {
        return click(actionId, value, userId, triggerId, 1);
    }

    /** The click's {@code attempt}-th delivery by the inbox, received {@code ago} before now. */
    Handled click(String actionId, String value, String userId, String triggerId, int attempt) throws Exception {
        return click(actionId, value, userId, triggerId, attempt, java.time.Duration.ZERO);
    }

    Handled click(String actionId, String value, String userId, String triggerId, int attempt, java.time.Duration ago)
            throws Exception {
        ClickHandler.Click click = new ClickHandler.Click(actionId, value, userId, CHANNEL, TS,
                "https://hooks.slack.example/actions/" + userId, triggerId);
        long id = CAUSES.incrementAndGet();
        InboxEvent cause = new InboxEvent(id, "slack", "click-" + id, "block_action:" + actionId, null, "{}", attempt,
                clock.instant().minus(ago), "claim");
        return clickHandler(actionId).handle(click, cause);
    }

    void commit(Handled handled) {
        db.jdbi().useTransaction(h -> handled.commit().apply(h));
    }

    Handled clickAndCommit(String actionId, String value, String userId) throws Exception {
        Handled handled = click(actionId, value, userId, "trigger-" + CAUSES.incrementAndGet());
        commit(handled);
        return handled;
    }

    /** The workflow events queued for instances, in order. */
    List<Event> queuedEvents() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT payload FROM inbox WHERE source = :s ORDER BY id")
                .bind("s", InstanceEvents.SOURCE).mapTo(String.class).list()).stream()
                .map(p -> engine.json().read(p, InstanceEvents.Addressed.class).event()).toList();
    }

    /** The answers queued for the people who clicked, in order. */
    List<String> replies() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT payload FROM inbox WHERE source = :s AND event_type = 'ReplyToCommand' ORDER BY id")
                .bind("s", EffectStep.SOURCE).mapTo(String.class).list()).stream()
                .map(p -> ((Effect.ReplyToCommand) engine.json().read(p, EffectStep.class).effect()).text()).toList();
    }

    @Override
    public void close() {
        slack.close();
        db.close();
    }
}
