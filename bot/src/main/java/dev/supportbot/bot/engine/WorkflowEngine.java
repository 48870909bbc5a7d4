package dev.supportbot.bot.engine;

import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.Policy;
import dev.supportbot.workflows.engine.Workflow;
import dev.supportbot.workflows.engine.WorkflowRegistry;
import dev.supportbot.workflows.engine.WorkflowSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Decide, then persist: loads an instance's state, fetches the facts its workflow asks for, calls the pure
 * decision, and returns the commit that saves the new state (optimistic lock), queues the effects, tells the instances
 * that require a finished one its outcome ({@link Event.WorkflowFinished}) and writes the audit entry, all in the
 * transaction that completes the inbox event.
 */
public final class WorkflowEngine {
    private final WorkflowRegistry registry;
    private final WorkflowJson json;
    private final FactSources facts;
    private final Policy policy;
    private final WorkflowSettings settings;
    private final Clock clock;
    private final Queue queue;
    private final InstanceEvents instanceEvents;

    public WorkflowEngine(WorkflowRegistry registry, WorkflowJson json, FactSources facts, Policy policy,
            WorkflowSettings settings, Clock clock) {
        this.registry = registry;
        this.json = json;
        this.facts = facts;
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
        this.queue = new Queue(json, clock);
        this.instanceEvents = new InstanceEvents(json, clock);
    }

    /** The result of one decision: the instance as it will be once committed, and the commit itself. */
    public record Advance(Instance after, String outcome, Handled.Commit commit) {}

    /**
     * Decides {@code event} for {@code instance}. {@code commentCursor} becomes the instance's cursor;
     * {@code extraEffects} (e.g. removing the macro tags that started the run or carried a command) join the
     * decision's first ticket update when they are ticket writes and it has one, else run after the workflow's own.
     */
    public Advance advance(Instance instance, Event event, Map<Long, String> commentBodies, long commentCursor,
            String actor, List<Effect> extraEffects) throws Exception {
        Workflow<?> workflow = registry.forKind(instance.kind())
                .orElseThrow(() -> new IllegalStateException("no workflow of kind " + instance.kind()));
        return decide(workflow, instance, event, commentBodies, Math.max(commentCursor, instance.commentCursor()), actor, extraEffects);
    }

    private <S> Advance decide(Workflow<S> workflow, Instance instance, Event event, Map<Long, String> commentBodies,
            long cursor, String actor, List<Effect> extraEffects) throws Exception {
        S before = json.read(instance.stateJson(), workflow.stateType());
        List<FactRequest<?>> needed = workflow.factsNeeded(before, event);
        Facts answered = needed.isEmpty() ? Facts.none() : facts.fetch(needed, commentBodies);
        Decision<S> decision = workflow.decide(before, event, answered, new Context(clock.instant(), policy, settings));
        List<Effect> effects = TicketWrites.joinFirstUpdate(decision.effects(), extraEffects);
        boolean nothing = decision.changesNothingFrom(before) && extraEffects.isEmpty();
        String fromType = json.typeIdOf(before);
        String eventType = json.typeIdOf(event);
        if (nothing && cursor == instance.commentCursor()) {
            return new Advance(instance, instance.kind() + ": " + eventType + " ignored in " + fromType, h -> {});
        }
        String stateJson = json.write(decision.state(), workflow.stateType());
        String toType = json.typeIdOf(decision.state());
        boolean finished = workflow.finished(decision.state());
        long version = instance.version() + 1;
        Instance after = instance.after(stateJson, version, cursor, finished);
        String outcome = instance.kind() + " v" + version + ": " + fromType + " -> " + toType + " on " + eventType
                + " (" + effects.size() + " effects)";
        Outcome finishedWith = finished && !instance.finished() ? workflow.outcome(decision.state()) : null;
        Handled.Commit commit = h -> {
            InstanceStore.save(h, instance, stateJson, toType, finished, cursor, clock);
            queue.effects(h, instance.id(), instance.ticketId(), version, effects);
            if (finishedWith != null) tellDependents(h, instance, finishedWith);
            AuditLog.append(h, new AuditLog.Entry(clock.instant(), actor, "decision", instance.ticketId(), instance.id(),
                    outcome + (effects.isEmpty() ? "" : "; effects: " + effectNames(effects))));
        };
        return new Advance(after, outcome, commit);
    }

    /** Sends the outcome to every instance running on the ticket whose workflow requires the finished kind. */
    private void tellDependents(Handle h, Instance finished, Outcome outcome) {
        for (Instance other : InstanceStore.runningOn(h, finished.ticketId())) {
            boolean requires = registry.forKind(other.kind()).map(w -> w.requires().contains(finished.kind())).orElse(false);
            if (other.id() != finished.id() && requires) {
                instanceEvents.enqueue(h, other.id(), other.ticketId(), "finished:" + finished.id() + ":" + other.id(),
                        new Event.WorkflowFinished(outcome));
            }
        }
    }

    public WorkflowRegistry registry() {
        return registry;
    }

    public WorkflowJson json() {
        return json;
    }

    Queue queue() {
        return queue;
    }

    private String effectNames(List<Effect> effects) {
        return String.join(", ", effects.stream().map(json::typeIdOf).toList());
    }
}
