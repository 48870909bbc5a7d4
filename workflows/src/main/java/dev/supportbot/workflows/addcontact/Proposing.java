package dev.supportbot.workflows.addcontact;

import dev.supportbot.workflows.approved.ResellerNotes;
import dev.supportbot.workflows.approved.ApprovalGate;
import dev.supportbot.workflows.addcontact.AddContactState.AwaitingAnswer;
import dev.supportbot.workflows.addcontact.AddContactState.Gate;
import dev.supportbot.workflows.addcontact.AddContactState.Handoff;
import dev.supportbot.workflows.addcontact.AddContactState.NeedsHuman;
import dev.supportbot.workflows.addcontact.AddContactState.NothingToDo;
import dev.supportbot.workflows.addcontact.AddContactState.Planning;
import dev.supportbot.workflows.addcontact.AddContactState.Verification;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.PlanFacts;
import dev.supportbot.workflows.ownership.ProofKind;
import dev.supportbot.workflows.plan.AddContactPlanner;
import dev.supportbot.workflows.plan.BackendState;
import dev.supportbot.workflows.plan.Evidence;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.Planning.NotPlanned;
import dev.supportbot.workflows.plan.Planning.Proposed;
import dev.supportbot.workflows.plan.Resellers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Planning: a {@code Continue} lets the next decision have the plan's facts; then the planner proposes a plan (put
 * before the approvers), or says why there is none (ask the requester, ask them to sign up, hand to a person, or
 * nothing to do).
 */
final class Proposing {
    static final String FACTS_KEY = "plan-facts";
    static final String FACTS_AFTER_ANSWER_KEY = "plan-facts-after-answer";
    static final String APPROVAL_KEY = ApprovalGate.APPROVAL_KEY;

    private Proposing() {}

    /** Ownership is verified: fetch the facts in the next decision. */
    static Decision<AddContactState> plan(long ticketId, String requesterEmail, Verification verified,
                                          boolean leaveOtherAccount, Context ctx) {
        String key = leaveOtherAccount ? FACTS_AFTER_ANSWER_KEY : FACTS_KEY;
        Effect note = new Effect.PrivateNote(leaveOtherAccount ? InternalNotes.requesterAgreed() : InternalNotes.planning(verified));
        return Decision.of(new Planning(ticketId, requesterEmail, verified, leaveOtherAccount, key), note, new Effect.Continue(key));
    }

    // ---- Planning + EffectSucceeded (the Continue came back)

    static List<FactRequest<?>> factsNeeded(Planning s, EffectSucceeded e) {
        return s.factsKey().equals(e.effectKey()) ? List.of(factsOf(s)) : List.of();
    }

    static Decision<AddContactState> decide(Planning s, EffectSucceeded e, Facts facts, Context ctx) {
        if (!s.factsKey().equals(e.effectKey())) return Decision.unchanged(s);
        String subscription = s.verification().subscriptionName();
        Optional<PlanFacts> found = facts.find(factsOf(s));
        if (found.isEmpty()) return handoff(s, Handoff.NO_BILLING_ACCOUNT, null, ctx);
        PlanFacts planFacts = found.get();
        var planning = AddContactPlanner.plan(new AddContactPlanner.Request(s.ticketId(), evidence(s.verification()),
                planFacts.state(), planFacts.billingAccountId(), s.requesterEmail(), planFacts.historyOf(s.requesterEmail()),
                s.leaveOtherAccount()));
        if (planning instanceof Proposed p) return propose(s, p.plan(), ctx);
        NotPlanned no = (NotPlanned) planning;
        return switch (no.why()) {
            case ASK_REQUESTER -> askRequester(s, ctx);
            case NOTHING_TO_DO -> Decision.of(new NothingToDo(s.ticketId(), subscription, ctx.now()),
                    new Effect.PublicComment(Messages.alreadyManages(subscription)),
                    new Effect.PrivateNote(InternalNotes.nothingToDo()));
            case NO_SAFE_ORDER -> handoff(s, Handoff.NO_SAFE_ORDER, no.reason(), ctx);
            case NEEDS_HUMAN -> {
                Handoff why = whyNoPlan(planFacts, planFacts.state(), s.requesterEmail());
                yield why == Handoff.NO_CUSTOMER_RECORD ? SignUp.ask(s, ctx) : handoff(s, why, no.reason(), ctx);
            }
            case RESELLER_REQUESTER -> Decision.of(new NeedsHuman(s.ticketId(), subscription, Handoff.RESELLER_REQUESTER, ctx.now()),
                    new Effect.PrivateNote(InternalNotes.handoff(Handoff.RESELLER_REQUESTER, no.reason())
                            + "\n\n" + ResellerNotes.draftToReseller(subscription)));
        };
    }

    private static Decision<AddContactState> propose(Planning s, Plan plan, Context ctx) {
        Decision<AddContactState> asked = Approving.GATE.ask(plan, ctx,
                ask -> new Gate(s.ticketId(), s.verification(), ask));
        return Resellers.resellerOf(plan)
                .map(reseller -> asked.followedBy(new Effect.PrivateNote(InternalNotes.resellerPurchase(reseller))))
                .orElse(asked);
    }

    private static Decision<AddContactState> askRequester(Planning s, Context ctx) {
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.PublicComment(Messages.OTHER_ACCOUNT.ask(s.verification().subscriptionName())));
        effects.addAll(AddContactSettings.ANSWER.reminders(ctx));
        effects.add(new Effect.PrivateNote(InternalNotes.askedRequester(ctx.setting(AddContactSettings.EXPIRY))));
        return Decision.of(new AwaitingAnswer(s.ticketId(), s.requesterEmail(), s.verification(), ctx.now(), 0, false,
                Set.of()), effects);
    }

    private static Decision<AddContactState> handoff(Planning s, Handoff why, String reason, Context ctx) {
        return Decision.of(new NeedsHuman(s.ticketId(), s.verification().subscriptionName(), why, ctx.now()),
                new Effect.PrivateNote(InternalNotes.handoff(why, reason)));
    }

    /** Which of the planner's "a person must decide" cases this is, read from the same facts. */
    private static Handoff whyNoPlan(PlanFacts planFacts, BackendState state, String requesterEmail) {
        if (state.account(planFacts.billingAccountId()).isEmpty()) return Handoff.NO_BILLING_ACCOUNT;
        if (state.customerByEmail(requesterEmail).isEmpty()) return Handoff.NO_CUSTOMER_RECORD;
        return Handoff.LOGIN_SWITCHED_OFF;
    }

    private static FactRequest.PlanFactsOf factsOf(Planning s) {
        return new FactRequest.PlanFactsOf(s.verification().subscriptionName(), List.of(s.requesterEmail()));
    }

    private static List<Evidence> evidence(Verification v) {
        return List.of(new Evidence("ownership verified", "subscription " + v.subscriptionName() + ", proof: " + ProofKind.words(v.proof())));
    }
}
