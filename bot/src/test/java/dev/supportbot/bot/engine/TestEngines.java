package dev.supportbot.bot.engine;

import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Policy;
import dev.supportbot.workflows.engine.WorkflowRegistry;
import dev.supportbot.workflows.engine.WorkflowSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Engines and registries for tests that exercise one part: what the test does not give is registered as
 * {@link Unavailable}, so the registries stay complete and an unexpected use fails loudly.
 */
public final class TestEngines {
    private TestEngines() {}

    /** An engine whose workflows get no portal facts (any request fails for good). */
    public static WorkflowEngine engine(WorkflowRegistry registry, Clock clock) {
        return new WorkflowEngine(registry, new WorkflowJson(registry), facts(List.of()), Policy.defaults(),
                WorkflowSettings.defaults(), clock);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static FactSources facts(List<FactSource<?>> given) {
        List<FactSource<?>> all = new ArrayList<>(given);
        for (Class<?> type : SealedTypes.leaves(FactRequest.class)) {
            if (given.stream().noneMatch(s -> s.type() == type)) all.add(Unavailable.fact((Class) type, "not wired in this test"));
        }
        return FactSources.of(all);
    }

    /** The engine's own handlers (Zendesk, Slack, reminders...), the rest unavailable. */
    public static EffectHandlers engineHandlers(dev.supportbot.bot.zendesk.Zendesk zendesk, dev.supportbot.bot.slack.SlackNotifier slack,
            dev.supportbot.bot.tracker.IssueTracker tracker, ReminderPort reminders, String zendeskUrl,
            dev.supportbot.bot.store.Database database, WorkflowJson json, Clock clock) {
        return handlers(EnginePlugin.effectHandlers(zendesk, slack, tracker, reminders, new TicketLinks(zendeskUrl), database, json, clock));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static EffectHandlers handlers(List<EffectHandler<?>> given) {
        List<EffectHandler<?>> all = new ArrayList<>(given);
        for (Class<?> type : SealedTypes.leaves(Effect.class)) {
            if (given.stream().noneMatch(h -> h.type() == type)) all.add(Unavailable.effect((Class) type, "not wired in this test"));
        }
        return EffectHandlers.of(all);
    }
}
