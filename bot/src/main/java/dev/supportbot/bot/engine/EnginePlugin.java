package dev.supportbot.bot.engine;

import dev.supportbot.bot.config.ActionMode;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.config.WorkflowConfig;
import dev.supportbot.bot.inbox.Dispatcher;
import dev.supportbot.bot.outbound.Sleeper;
import dev.supportbot.bot.plugin.BotPlugin;
import dev.supportbot.bot.plugin.ClickHandler;
import dev.supportbot.bot.plugin.Context;
import dev.supportbot.bot.portal.HttpPortalClient;
import dev.supportbot.bot.portal.PortalClient;
import dev.supportbot.bot.portal.PortalClients;
import dev.supportbot.bot.scheduler.QuartzReminders;
import dev.supportbot.bot.shadow.ShadowLedger;
import dev.supportbot.bot.scheduler.ReminderKey;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.tracker.IssueTracker;
import dev.supportbot.bot.zendesk.ApiBudget;
import dev.supportbot.bot.zendesk.Zendesk;
import dev.supportbot.bot.zendesk.ZendeskUser;
import dev.supportbot.workflows.Workflows;
import dev.supportbot.workflows.engine.Policy;
import dev.supportbot.workflows.engine.WorkflowRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The workflow engine as a plug-in, and the one place where the engine meets its adapters: the registered workflows
 * ({@link Workflows#ALL}), the adapters (Zendesk, Slack, issue tracker, portal, reminders), the handler of every
 * effect and the source of every fact request, and the dispatchers of every inbox source the engine owns. The
 * handlers live in this package, beside the engine, because the engine already calls these adapters: in the adapters'
 * packages they would make each of them depend on the engine and back.
 */
public final class EnginePlugin implements BotPlugin {
    private static final WorkflowRegistry WORKFLOWS = Workflows.ALL;

    private final Zendesk zendesk;
    private final SlackNotifier slack;
    private final HttpPortalClient portal;
    private final WorkflowEngine engine;
    private final InstanceStore instances;
    private final List<ClickHandler> clickHandlers;
    private final QuartzReminders reminders;
    private final Map<String, Dispatcher> dispatchers;

    /**
     * Builds the engine and its adapters, and starts the reminder scheduler. {@code actions} brings the handlers of
     * the effects the engine's own package cannot handle without depending on their packages (approval in Slack,
     * the execution of approved plans): it is required, since the registry refuses to start with an effect that no
     * handler takes.
     */
    public EnginePlugin(Context context, EngineExtension actions) {
        BotConfig config = context.config();
        ApiBudget budget = ApiBudget.fromConfig(config, context.database(), context.clock(), Sleeper.SYSTEM);
        context.metrics().zendeskBudget(() -> budget.left(ApiBudget.Kind.READ), () -> budget.left(ApiBudget.Kind.WRITE));
        zendesk = Zendesk.fromConfig(config, budget, Sleeper.SYSTEM,
                (kind, outcome) -> context.metrics().zendeskRequest(kind.name().toLowerCase(java.util.Locale.ROOT), outcome));
        slack = SlackNotifier.fromConfig(config);
        portal = PortalClients.forBot(context);
        reminders = QuartzReminders.start(context.database(), context.inbox(), context.wakeUp(), context.clock(), config);
        try {
            WorkflowJson json = new WorkflowJson(WORKFLOWS);
            instances = new InstanceStore(context.database(), context.clock());
            List<FactSource<?>> sources = new ArrayList<>(factSources(() -> portal, instances, WORKFLOWS, json));
            sources.addAll(actions.factSources(portal));
            engine = new WorkflowEngine(WORKFLOWS, json, FactSources.of(sources), policy(config),
                    WorkflowConfig.values(config), context.clock());
            TicketLinks links = new TicketLinks(config.get(Settings.ZENDESK_URL));
            boolean shadow = config.get(Settings.MODE) == ActionMode.SHADOW;
            if (shadow) {
                org.slf4j.LoggerFactory.getLogger(EnginePlugin.class).info(
                        "shadow mode (BOT_MODE=shadow): each decision becomes a private note of what the bot would have done; it changes nothing else");
            }
            List<EffectHandler<?>> handlers = new ArrayList<>(effectHandlers(zendesk, slack, IssueTracker.fromConfig(config),
                    reminderPort(), links, context.database(), json, context.clock()));
            EngineExtension.Attached attached = actions.attach(new EngineExtension.Parts(config, context.database(),
                    context.clock(), zendesk, slack, portal, engine, instances, reminders));
            handlers.addAll(attached.effectHandlers());
            ShadowLedger ledger = new ShadowLedger(context.database());
            List<ClickHandler> clicks = new ArrayList<>(attached.clickHandlers());
            clicks.add(new ShadowRatingClick(ledger, new CommandReplies(engine), context.clock()));
            clickHandlers = List.copyOf(clicks);
            EffectHandlers registry = EffectHandlers.of(shadow ? ShadowHandlers.wrap(handlers, zendesk, slack, links, ledger, context.clock()) : handlers);
            InstanceEventDispatcher toInstance = new InstanceEventDispatcher(engine, instances);
            Map<String, Dispatcher> all = new java.util.HashMap<>(Map.of(
                    "zendesk", new TicketDispatcher(zendesk, engine, instances,
                            List.of(new RedactionHandler(zendesk, engine, context.database(), context.clock(), shadow)), context.database()),
                    EffectStep.SOURCE, new EffectDispatcher(registry, engine, context.clock(), config.get(Settings.INBOX_MAX_ATTEMPTS)),
                    EffectResult.SOURCE, toInstance,
                    "reminder", toInstance,
                    InstanceEvents.SOURCE, toInstance,
                    StartRequest.SOURCE, new StartDispatcher(zendesk, engine, instances)));
            attached.dispatchers().forEach((source, dispatcher) -> {
                if (all.put(source, dispatcher) != null) throw new IllegalStateException("two dispatchers of " + source);
            });
            dispatchers = Map.copyOf(all);
        } catch (RuntimeException e) {
            close(); // e.g. an effect without a handler: the scheduler started above must not outlive the failed start
            throw e;
        }
    }

    /**
     * The handlers of the engine's own effects: all but those the extensions bring (approvals, plan execution); the
     * registry built from both refuses to start without one for each effect.
     */
    static List<EffectHandler<?>> effectHandlers(Zendesk zendesk, SlackNotifier slack, IssueTracker tracker, ReminderPort reminders,
            TicketLinks links, Database database, WorkflowJson json, Clock clock) {
        List<EffectHandler<?>> handlers = new ArrayList<>(TicketWriteHandler.all(zendesk));
        handlers.addAll(ReminderHandlers.all(reminders, clock));
        handlers.addAll(List.of(new SlackMessageHandler(slack, links,
                        ticket -> java.util.Optional.ofNullable(zendesk.ticket(ticket).requester()).map(ZendeskUser::name)), new ReplyToCommandHandler(slack),
                new SeparateTicketHandler(zendesk), new LinkedTicketHandler(zendesk), new EscalationIssueHandler(tracker, links), new ContinueHandler(),
                new StartWorkflowHandler(database, json, clock)));
        return handlers;
    }

    /** The sources of the engine's own fact requests: all but those the extensions bring (plan facts). */
    static List<FactSource<?>> factSources(Supplier<PortalClient> portal, InstanceStore instances, WorkflowRegistry workflows,
            WorkflowJson json) {
        List<FactSource<?>> sources = new ArrayList<>(PortalFacts.sources(portal));
        sources.add(new OutcomeSource(instances, workflows, json));
        sources.add(new LicensesOfCustomerSource(portal));
        return sources;
    }

    /** The engine, for the plug-ins that give its workflows commands. */
    public WorkflowEngine engine() {
        return engine;
    }

    public InstanceStore instances() {
        return instances;
    }

    /** The reminder scheduler, for reading when a run's next reminder is due. */
    public QuartzReminders reminders() {
        return reminders;
    }

    @Override
    public List<ClickHandler> clickHandlers() {
        return clickHandlers;
    }

    @Override
    public Map<String, Dispatcher> dispatchers() {
        return dispatchers;
    }

    @Override
    public void draining() {
        reminders.standby();
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
        return Policy.defaults().withStaffEmailDomains(new HashSet<>(config.get(Settings.STAFF_DOMAINS)));
    }
}
