package dev.supportbot.workflows.addcontact;

import static dev.supportbot.workflows.approved.Phases.asking;
import static dev.supportbot.workflows.approved.Phases.isAsking;

import dev.supportbot.workflows.approved.Confirmations;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.Person;
import dev.supportbot.workflows.engine.PlanFacts;
import dev.supportbot.workflows.engine.Policy;
import dev.supportbot.workflows.engine.WorkflowSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Drives the workflow as the bot does: factsNeeded, answer them (ownership's outcome, the plan's facts from the
 * sandbox-like back end), decide, keep the state. Records every state, effect and fact request.
 */
final class Flow {
    final AddContact workflow = new AddContact();
    final Sandbox sandbox;
    Outcome ownership;
    Context ctx = new Context(Sandbox.NOW, Policy.defaults(), WorkflowSettings.defaults());
    AddContactState state = new AddContactState.Requested();
    Person requester;
    final List<AddContactState> states = new ArrayList<>();
    final List<Effect> allEffects = new ArrayList<>();
    final List<FactRequest<?>> asked = new ArrayList<>();

    Flow(Sandbox sandbox, Outcome ownership) {
        this.sandbox = sandbox;
        this.ownership = ownership;
        states.add(state);
    }

    /** A flow already in {@code start}. */
    static Flow in(Sandbox sandbox, AddContactState start) {
        Flow flow = new Flow(sandbox, null);
        flow.state = start;
        flow.states.add(start);
        return flow;
    }

    Decision<AddContactState> send(Event event) {
        List<FactRequest<?>> needed = workflow.factsNeeded(state, event);
        asked.addAll(needed);
        Decision<AddContactState> d = workflow.decide(state, event, answer(needed), ctx);
        state = d.state();
        states.add(state);
        allEffects.addAll(d.effects());
        return d;
    }

    Facts answer(List<FactRequest<?>> requests) {
        Facts.Builder facts = Facts.builder();
        for (FactRequest<?> r : requests) {
            if (r instanceof FactRequest.OutcomeOf) facts.put(r, ownership);
            else if (r instanceof FactRequest.PlanFactsOf p) facts.put(r, planFacts(p));
            else if (r instanceof FactRequest.BillingAccountById b) facts.put(r, Confirmations.asPredicted(state, b));
            else throw new IllegalArgumentException("not expected: " + r);
        }
        return facts.build();
    }

    private PlanFacts planFacts(FactRequest.PlanFactsOf p) {
        Long account = sandbox.accountOf(p.subscriptionName());
        if (account == null) return null;
        Map<String, List<dev.supportbot.workflows.domain.HistoryEntry>> histories = new HashMap<>();
        for (String email : p.emails()) histories.put(email.toLowerCase(Locale.ROOT), sandbox.historyOf(email));
        return new PlanFacts(account, sandbox.state(), histories);
    }

    Flow at(Instant now) {
        ctx = new Context(now, ctx.policy(), ctx.settings());
        return this;
    }

    Flow after(Duration d) {
        return at(ctx.now().plus(d));
    }

    // ---- the events the bot sends, in the shape it sends them

    Decision<AddContactState> start(Person requester) {
        this.requester = requester;
        return send(new Event.TicketUpdated(Sandbox.ticket(requester), List.of()));
    }

    Decision<AddContactState> comments(Comment... comments) {
        return send(new Event.TicketUpdated(Sandbox.ticket(requester), List.of(comments)));
    }

    /** The last {@code Continue} comes back, as the bot feeds it at once. */
    Decision<AddContactState> continued() {
        return send(new Event.EffectSucceeded(last(Effect.Continue.class).key(), Map.of()));
    }

    Decision<AddContactState> approvalPosted(long approvalId) {
        return send(new Event.EffectSucceeded(last(Effect.RequestApproval.class).key(),
                Map.of(Effect.RequestApproval.APPROVAL_ID, Long.toString(approvalId))));
    }

    Decision<AddContactState> approved(long approvalId, String approver) {
        String hash = asking(state).planHash();
        return send(new Event.ApprovalDecided(approvalId, hash, true, List.of(approver), null));
    }

    Decision<AddContactState> stepSucceeded(boolean alreadyDone) {
        return send(new Event.EffectSucceeded(last(Effect.RunPlanStep.class).key(),
                Map.of(Effect.RunPlanStep.ALREADY_DONE, Boolean.toString(alreadyDone))));
    }

    Decision<AddContactState> stepFailed(String reason) {
        return send(new Event.EffectFailed(last(Effect.RunPlanStep.class).key(), reason));
    }

    /** A whole run from the start to the approval request, for {@code requester} with ownership verified. */
    static Flow awaitingApproval(Sandbox sandbox, Person requester, String subscription) {
        Flow flow = new Flow(sandbox, Sandbox.verified(subscription));
        flow.start(requester);
        flow.continued();
        if (!isAsking(flow.state)) throw new IllegalStateException("no plan: " + flow.state);
        return flow;
    }

    <T extends Effect> T last(Class<T> type) {
        for (int i = allEffects.size() - 1; i >= 0; i--) if (type.isInstance(allEffects.get(i))) return type.cast(allEffects.get(i));
        throw new IllegalStateException("no " + type.getSimpleName() + " yet");
    }

    static <T extends Effect> List<T> effects(Decision<?> d, Class<T> type) {
        return d.effects().stream().filter(type::isInstance).map(type::cast).toList();
    }

    static String publicText(Decision<?> d) {
        return String.join("\n---\n", effects(d, Effect.PublicComment.class).stream().map(Effect.PublicComment::body).toList());
    }

    static String notes(Decision<?> d) {
        return String.join("\n---\n", effects(d, Effect.PrivateNote.class).stream().map(Effect.PrivateNote::body).toList());
    }
}
