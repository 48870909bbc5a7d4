package dev.supportbot.bot.engine;

import dev.supportbot.bot.BotPlugin;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.inbox.Dispatcher;
import dev.supportbot.bot.outbound.Sleeper;
import dev.supportbot.bot.portal.PortalClient;
import dev.supportbot.bot.portal.PortalClients;
import dev.supportbot.bot.scheduler.QuartzReminders;
import dev.supportbot.bot.scheduler.ReminderKey;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.bot.tracker.IssueTracker;
import dev.supportbot.bot.zendesk.ApiBudget;
import dev.supportbot.bot.zendesk.Zendesk;
import dev.supportbot.workflows.engine.Policy;
import dev.supportbot.workflows.engine.WorkflowRegistry;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import dev.supportbot.workflows.troubleshooting.LicenseTroubleshooting;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The workflow engine as a plug-in: the workflows, their adapters (Zendesk, Slack, issue tracker, portal,
 * reminders), and the dispatchers of every inbox source the engine owns.
 */
public final class EnginePlugin implements BotPlugin {
    public static final WorkflowRegistry WORKFLOWS = WorkflowRegistry.of(new OwnershipVerification(), new LicenseTroubleshooting());

    private Zendesk zendesk;
    private SlackNotifier slack;
    private PortalClient portal;
    private QuartzReminders reminders;
    private WorkflowEngine engine;
    private InstanceStore instances;
    private Map<String, Dispatcher> dispatchers;

    @Override
    public void init(SupportBot.Context context) {
        BotConfig config = context.config();
        ApiBudget budget = ApiBudget.fromConfig(config, context.database(), context.clock(), Sleeper.SYSTEM);
        context.metrics().zendeskBudget(() -> budget.left(ApiBudget.Kind.READ), () -> budget.left(ApiBudget.Kind.WRITE));
        zendesk = Zendesk.fromConfig(config, budget, Sleeper.SYSTEM,
                (kind, outcome) -> context.metrics().zendeskRequest(kind.name().toLowerCase(java.util.Locale.ROOT), outcome));
        slack = SlackNotifier.fromConfig(config);
        portal = PortalClients.forBot(context);
        reminders = QuartzReminders.start(context.database(), context.inbox(), context.wakeUp(), context.clock(), config);
        WorkflowJson json = new WorkflowJson(WORKFLOWS);
        engine = new WorkflowEngine(WORKFLOWS, json, new PortalFacts(() -> portal), policy(config), context.clock());
        instances = new InstanceStore(context.database(), context.clock());
        EffectRunner runner = new EffectRunner(zendesk, slack, IssueTracker.fromConfig(config), reminderPort(),
                config.get(Settings.ZENDESK_URL), context.clock());
        InstanceEventDispatcher toInstance = new InstanceEventDispatcher(engine, instances);
        dispatchers = Map.of(
                "zendesk", new TicketDispatcher(zendesk, engine, instances,
                        List.of(new RedactionHandler(zendesk, engine, context.database(), context.clock()))),
                EffectStep.SOURCE, new EffectDispatcher(runner, engine, context.clock(), config.get(Settings.INBOX_MAX_ATTEMPTS)),
                EffectResult.SOURCE, toInstance,
                "reminder", toInstance,
                InstanceEvents.SOURCE, toInstance);
    }

    @Override
    public Map<String, Dispatcher> dispatchers() {
        return dispatchers;
    }

    /** The engine, for the plug-ins that give its workflows commands; set by init. */
    public WorkflowEngine engine() {
        return engine;
    }

    public InstanceStore instances() {
        return instances;
    }

    @Override
    public void close() {
        reminders.close();
        zendesk.close();
        slack.close();
    }

    private ReminderPort reminderPort() {
        return new ReminderPort() {
            @Override
            public void schedule(long instanceId, int sequence, long ticketId, Instant at) {
                reminders.schedule(new ReminderKey(instanceId, sequence), ticketId, at);
            }

            @Override
            public void cancelAll(long instanceId) {
                reminders.cancelAll(instanceId);
            }
        };
    }

    static Policy policy(BotConfig config) {
        Policy defaults = Policy.defaults();
        return new Policy(new HashSet<>(config.get(Settings.STAFF_DOMAINS)),
                List.of(config.get(Settings.OV_REMINDER_1), config.get(Settings.OV_REMINDER_2)),
                config.get(Settings.OV_EXPIRY), defaults.invoiceMaxAge(), defaults.clockSkew());
    }
}
