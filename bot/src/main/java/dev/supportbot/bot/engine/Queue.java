package dev.supportbot.bot.engine;

import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.workflows.engine.Effect;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Queues the engine's own follow-up work in the inbox, inside the transaction of the decision that causes it. */
final class Queue {
    private final WorkflowJson json;
    private final Clock clock;

    Queue(WorkflowJson json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** The first effect of a decision; each step queues the next when it completes, so they run in order. */
    void effects(Handle h, Long instanceId, long ticketId, long version, List<Effect> effects) {
        if (effects.isEmpty()) return;
        step(h, new EffectStep(instanceId, ticketId, version, 0, effects));
    }

    void step(Handle h, EffectStep step) {
        Inbox.enqueue(h, new NewInboxEvent(EffectStep.SOURCE, step.key(), json.typeIdOf(step.effect()),
                step.ticketId(), json.write(step, EffectStep.class)), clock.instant());
    }

    void result(Handle h, EffectStep step, EffectResult result) {
        Inbox.enqueue(h, new NewInboxEvent(EffectResult.SOURCE, "result:" + step.key(),
                result.succeeded() ? "effect_succeeded" : "effect_failed", step.ticketId(),
                json.write(result, EffectResult.class)), clock.instant());
    }
}
