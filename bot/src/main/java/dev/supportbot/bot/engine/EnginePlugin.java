package dev.supportbot.bot.engine;

import dev.supportbot.bot.BotPlugin;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.config.WorkflowConfig;
import dev.supportbot.bot.inbox.Dispatcher;
import dev.supportbot.bot.outbound.Sleeper;
import dev.supportbot.bot.portal.PortalClient;
import dev.supportbot.bot.portal.PortalClients;
import dev.supportbot.bot.scheduler.QuartzReminders;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.scheduler.ReminderKey;
import dev.supportbot.bot.slack.LnrCommand;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.bot.tracker.IssueTracker;
import dev.supportbot.bot.zendesk.ApiBudget;
import dev.supportbot.bot.zendesk.Zendesk;
import dev.supportbot.workflows.Workflows;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Policy;
import dev.supportbot.workflows.engine.WorkflowRegistry;
import dev.supportbot.workflows.ownership.OwnershipVerification;
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

    private Zendesk zendesk;
    private SlackNotifier slack;
    private PortalClient portal;
    private QuartzReminders reminders;
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
        InstanceStore instances = new InstanceStore(context.database(), context.clock());
        WorkflowEngine engine = new WorkflowEngine(WORKFLOWS, json,
                FactSources.of(factSources(() -> portal, instances, WORKFLOWS, json)), policy(config),
                WorkflowConfig.values(config), context.clock());
        EffectHandlers handlers = EffectHandlers.of(effectHandlers(zendesk, slack, IssueTracker.fromConfig(config),
                reminderPort(), new TicketLinks(config.get(Settings.ZENDESK_URL)), context.database(), json, context.clock()));
        InstanceEventDispatcher toInstance = new InstanceEventDispatcher(engine, instances);
        dispatchers = Map.of(
                "zendesk", new TicketDispatcher(zendesk, engine, instances,
                        List.of(new RedactionHandler(zendesk, engine, context.database(), context.clock()))),
                "slack", new SlackCommandDispatcher(engine, instances, slack, new OwnershipVerification().kind(),
                        config.get(Settings.SLACK_AGENTS)),
                EffectStep.SOURCE, new EffectDispatcher(handlers, engine, context.clock(), config.get(Settings.INBOX_MAX_ATTEMPTS)),
                EffectResult.SOURCE, toInstance,
                "reminder", toInstance,
                InstanceEvents.SOURCE, toInstance,
                StartRequest.SOURCE, new StartDispatcher(zendesk, engine, instances));
    }

    /** Every effect's handler; the registry refuses to start without one for each. */
    static List<EffectHandler<?>> effectHandlers(Zendesk zendesk, SlackNotifier slack, IssueTracker tracker, ReminderPort reminders,
            TicketLinks links, Database database, WorkflowJson json, Clock clock) {
        List<EffectHandler<?>> handlers = new ArrayList<>(TicketWriteHandler.all(zendesk));
        handlers.addAll(ReminderHandlers.all(reminders, clock));
        handlers.addAll(List.of(new SlackMessageHandler(slack, links), new ReplyToCommandHandler(slack),
                new SeparateTicketHandler(zendesk), new EscalationIssueHandler(tracker, links), new ContinueHandler(),
                new StartWorkflowHandler(database, json, clock),
                Unavailable.effect(Effect.RequestApproval.class, "approvals are not wired yet"),
                Unavailable.effect(Effect.UpdateApproval.class, "approvals are not wired yet"),
                Unavailable.effect(Effect.RunPlanStep.class, "plan execution is not wired yet")));
        return handlers;
    }

    /** Every fact request's source; the registry refuses to start without one for each. */
    static List<FactSource<?>> factSources(Supplier<PortalClient> portal, InstanceStore instances, WorkflowRegistry workflows,
            WorkflowJson json) {
        List<FactSource<?>> sources = new ArrayList<>(PortalFacts.sources(portal));
        sources.add(new OutcomeSource(instances, workflows, json));
        sources.add(Unavailable.fact(FactRequest.PlanFactsOf.class, "plan facts are not wired yet"));
        return sources;
    }

    @Override
    public Map<String, Dispatcher> dispatchers() {
        return dispatchers;
    }

    @Override
    public List<LnrCommand> slackCommands() {
        return List.of(SlackCommandDispatcher.OV);
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
