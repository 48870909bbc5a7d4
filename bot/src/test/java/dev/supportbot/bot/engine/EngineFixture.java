package dev.supportbot.bot.engine;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.WorkflowConfig;
import dev.supportbot.bot.inbox.Dispatcher;
import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.inbox.InboxMetrics;
import dev.supportbot.bot.inbox.InboxWorkers;
import dev.supportbot.bot.inbox.RoutingDispatcher;
import dev.supportbot.bot.outbound.Backoff;
import dev.supportbot.bot.outbound.Sleeper;
import dev.supportbot.bot.portal.PortalClient;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.TestDatabases;
import dev.supportbot.bot.tracker.IssueTracker;
import dev.supportbot.bot.zendesk.ApiBudget;
import dev.supportbot.bot.zendesk.Zendesk;
import dev.supportbot.bot.zendesk.ZendeskMeter;
import dev.supportbot.workflows.engine.Policy;
import dev.supportbot.workflows.engine.WorkflowRegistry;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** The engine's parts on a real database against a fake Zendesk, with inbox workers running the queue. */
final class EngineFixture implements AutoCloseable {
    final FakeZendesk fake = new FakeZendesk();
    final Database db;
    final Inbox inbox;
    final Zendesk zendesk;
    final WorkflowEngine engine;
    final InstanceStore instances;
    final List<String> reminders = new CopyOnWriteArrayList<>();
    private final InboxWorkers workers;

    EngineFixture() {
        this(WorkflowRegistry.of(new OwnershipVerification()));
    }

    EngineFixture(WorkflowRegistry registry) {
        this(registry, Duration.ofSeconds(30));
    }

    EngineFixture(WorkflowRegistry registry, Duration lease) {
        Map<String, String> env = TestBots.env();
        env.put("BOT_ZENDESK_URL", fake.url());
        env.put("BOT_ZENDESK_EMAIL", "bot@vendor.example");
        env.put("BOT_ZENDESK_TOKEN", "zd-token");
        BotConfig config = TestBots.config(env);
        Clock clock = Clock.systemUTC();
        db = TestDatabases.open();
        inbox = new Inbox(db, clock);
        zendesk = Zendesk.fromConfig(config, ApiBudget.fromConfig(config, db, clock, Sleeper.SYSTEM), Sleeper.SYSTEM, ZendeskMeter.NONE);
        WorkflowJson json = new WorkflowJson(registry);
        instances = new InstanceStore(db, clock);
        Supplier<PortalClient> noPortal = () -> {
            throw new IllegalStateException("this fixture has no portal");
        };
        engine = new WorkflowEngine(registry, json, TestEngines.facts(EnginePlugin.factSources(noPortal, instances, registry, json)),
                Policy.defaults(), WorkflowConfig.values(config), clock);
        ReminderPort recording = new ReminderPort() {
            @Override
            public void schedule(long instanceId, int sequence, long ticketId, Instant at) {
                reminders.add("schedule " + instanceId + "#" + sequence);
            }

            @Override
            public void cancelAll(long instanceId) {
                reminders.add("cancel " + instanceId);
            }
        };
        EffectHandlers handlers = TestEngines.handlers(EnginePlugin.effectHandlers(zendesk, SlackNotifier.fromConfig(config),
                IssueTracker.fromConfig(config), recording, new TicketLinks(fake.url()), db, json, clock));
        Dispatcher dispatcher = new RoutingDispatcher(Map.of(
                "zendesk", new TicketDispatcher(zendesk, engine, instances, List.of(new RedactionHandler(zendesk, engine, db, clock)), db),
                EffectStep.SOURCE, new EffectDispatcher(handlers, engine, clock, 5),
                EffectResult.SOURCE, new InstanceEventDispatcher(engine, instances),
                InstanceEvents.SOURCE, new InstanceEventDispatcher(engine, instances),
                StartRequest.SOURCE, new StartDispatcher(zendesk, engine, instances)));
        workers = new InboxWorkers(inbox, dispatcher, new InboxWorkers.Settings(2, 5,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(50)), lease, Duration.ofMillis(20)),
                clock, InboxMetrics.NONE);
        workers.start();
    }

    long pending() {
        return inbox.depth();
    }

    String outcomes() {
        List<String> rows = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT source || ' ' || event_type || ': ' || status || ' ' || COALESCE(outcome, '') || COALESCE(last_error, '') FROM inbox ORDER BY id")
                .mapTo(String.class).list());
        return String.join("\n", rows);
    }

    @Override
    public void close() {
        workers.close();
        zendesk.close();
        db.close();
        fake.close();
    }
}
