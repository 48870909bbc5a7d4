package dev.supportbot.bot.engine;

import dev.supportbot.bot.inbox.Dispatcher;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.InboxEvent;
import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.ResultKeyed;
import java.time.Clock;
import java.util.Map;

/**
 * Runs queued effect steps. On success the same commit queues the next step and, for keyed effects, the result for
 * the workflow. A keyed effect that fails for good reports the failure to its workflow instead of parking silently;
 * any other effect that keeps failing is parked as a dead letter, holding up the rest of its list until an operator
 * retries it ({@code supportbot inbox retry}).
 */
public final class EffectDispatcher implements Dispatcher {
    private final EffectHandlers handlers;
    private final WorkflowJson json;
    private final Queue queue;
    private final Clock clock;
    private final int maxAttempts;

    public EffectDispatcher(EffectHandlers handlers, WorkflowEngine engine, Clock clock, int maxAttempts) {
        this.handlers = handlers;
        this.json = engine.json();
        this.queue = engine.queue();
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public Handled dispatch(InboxEvent event) {
        EffectStep step = json.read(event.payload(), EffectStep.class);
        Effect effect = step.effect();
        String name = json.typeIdOf(effect);
        EffectHandler.Ran ran;
        try {
            ran = handlers.run(step, event.attempts() > 1);
        } catch (RuntimeException e) {
            boolean lastAttempt = event.attempts() >= maxAttempts || (e instanceof OutboundException o && !o.retryable());
            if (!(effect instanceof ResultKeyed keyed && step.instanceId() != null && lastAttempt)) throw e;
            EffectResult failed = new EffectResult(step.instanceId(), step.ticketId(), keyed.key(), false, Map.of(), e.getMessage());
            return new Handled(name + " failed for good: reported to the workflow", h -> {
                queue.result(h, step, failed);
                continueChain(h, step, name + " failed: " + e.getMessage());
            });
        }
        Map<String, String> result = ran.result();
        // A folded ticket update carried out the steps after this one too: the chain goes on after the last.
        EffectStep last = step.at(step.index() + ran.effects() - 1);
        String done = ran.effects() == 1 ? name : String.join("+", step.effects().subList(step.index(), last.index() + 1)
                .stream().map(json::typeIdOf).toList());
        return new Handled(done + " done", h -> {
            ran.audit().forEach(entry -> AuditLog.append(h, entry));
            if (effect instanceof ResultKeyed keyed && step.instanceId() != null) {
                if (effect instanceof Effect.OpenSeparateTicket) {
                    InstanceStore.linkTicket(h, Long.parseLong(result.get(Effect.OpenSeparateTicket.TICKET_ID)), step.instanceId());
                }
                queue.result(h, step, new EffectResult(step.instanceId(), step.ticketId(), keyed.key(), true, result, null));
            }
            continueChain(h, last, done + " done");
        });
    }

    private void continueChain(org.jdbi.v3.core.Handle h, EffectStep step, String what) {
        AuditLog.append(h, new AuditLog.Entry(clock.instant(), "supportbot", "effect", step.ticketId(), step.instanceId(), what));
        if (step.hasNext()) queue.step(h, step.next());
    }
}
