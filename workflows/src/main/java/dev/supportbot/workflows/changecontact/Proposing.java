package dev.supportbot.workflows.changecontact;

import dev.supportbot.workflows.approved.ResellerNotes;
import dev.supportbot.workflows.approved.ApprovalGate;
import dev.supportbot.workflows.changecontact.ChangeContactState.AwaitingAnswer;
import dev.supportbot.workflows.changecontact.ChangeContactState.Gate;
import dev.supportbot.workflows.changecontact.ChangeContactState.Done;
import dev.supportbot.workflows.changecontact.ChangeContactState.Handoff;
import dev.supportbot.workflows.changecontact.ChangeContactState.NeedsHuman;
import dev.supportbot.workflows.changecontact.ChangeContactState.Path;
import dev.supportbot.workflows.changecontact.ChangeContactState.Planning;
import dev.supportbot.workflows.changecontact.ChangeContactState.Requester;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.PlanFacts;
import dev.supportbot.workflows.ownership.ProofKind;
import dev.supportbot.workflows.plan.BackendState;
import dev.supportbot.workflows.plan.ChangeContactPlanner;
import dev.supportbot.workflows.plan.Evidence;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.Planning.NotPlanned;
import dev.supportbot.workflows.plan.Planning.Proposed;
import dev.supportbot.workflows.plan.Planning.Why;
import dev.supportbot.workflows.plan.Resellers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Planning: a {@code Continue} lets the next decision have the plan's facts (the billing account, and the customer
 * search on the requester's email); then the path's planner proposes a plan, put before the approvers, or says why
 * there is none. Support-assisted: a customer with the requester's email means the existing user process, none the
 * non-existing user process; the search is part of the facts, so it happens before any contact is touched.
 */
final class Proposing {
    static final String FACTS_KEY = "plan-facts";
    /** A second Continue in the same run needs a key of its own. */
    static final String FACTS_AFTER_ANSWER_KEY = "plan-facts-after-answer";
    static final String APPROVAL_KEY = ApprovalGate.APPROVAL_KEY;

    private Proposing() {}

    static Decision<ChangeContactState> plan(long ticketId, Requester requester, String subscription, Path path, String proof,
                                             String removeEmail, Context ctx, Effect... before) {
        List<Effect> effects = new ArrayList<>(List.of(before));
        effects.add(new Effect.PrivateNote(Notes.planning(path, subscription)));
        effects.add(new Effect.Continue(FACTS_KEY));
        return Decision.of(new Planning(ticketId, requester, subscription, path, proof, removeEmail, false, FACTS_KEY), effects);
    }

    /** The requester agreed to stop managing their other billing account: plan again, that membership removed first. */
    static Decision<ChangeContactState> planLeavingOtherAccount(AwaitingAnswer s, Effect... before) {
        List<Effect> effects = new ArrayList<>(List.of(before));
        effects.add(new Effect.PrivateNote(Notes.requesterAgreed()));
        effects.add(new Effect.Continue(FACTS_AFTER_ANSWER_KEY));
        return Decision.of(new Planning(s.ticketId(), s.requester(), s.subscriptionName(), Path.SUPPORT_ASSISTED, s.proof(),
                null, true, FACTS_AFTER_ANSWER_KEY), effects);
    }

    // ---- Planning + EffectSucceeded (the Continue came back)

    static List<FactRequest<?>> factsNeeded(Planning s, EffectSucceeded e) {
        return s.factsKey().equals(e.effectKey()) ? List.of(factsOf(s)) : List.of();
    }

    static Decision<ChangeContactState> decide(Planning s, EffectSucceeded e, Facts facts, Context ctx) {
        if (!s.factsKey().equals(e.effectKey())) return Decision.unchanged(s);
        Optional<PlanFacts> found = facts.find(factsOf(s));
        if (found.isEmpty()) return handoff(s, Handoff.NO_BILLING_ACCOUNT, null, ctx);
        PlanFacts planFacts = found.get();
        BackendState state = planFacts.state();
        String email = s.requester().email();
        dev.supportbot.workflows.plan.Planning planning;
        if (s.path() == Path.REMOVE_MEMBERSHIP) {
            planning = ChangeContactPlanner.removeMembership(s.ticketId(), evidence(s), state, planFacts.billingAccountId(),
                    s.removeEmail());
        } else if (s.path() == Path.SELF_SERVICE) {
            planning = ChangeContactPlanner.updateSoldTo(s.ticketId(), evidence(s), state, planFacts.billingAccountId(), email);
        } else if (state.customerByEmail(email).isPresent()) {
            planning = ChangeContactPlanner.existingUser(new ChangeContactPlanner.ExistingUser(s.ticketId(), evidence(s),
                    state, planFacts.billingAccountId(), email, planFacts.historyOf(email), s.leaveOtherAccount()));
        } else {
            Optional<String[]> names = firstAndLast(s.requester().name());
            if (names.isEmpty()) return handoff(s, Handoff.NO_FULL_NAME, null, ctx);
            planning = ChangeContactPlanner.newUser(new ChangeContactPlanner.NewUser(s.ticketId(), evidence(s), state,
                    planFacts.billingAccountId(), names.get()[0], names.get()[1], email));
        }
        if (planning instanceof Proposed p) return propose(s, p.plan(), ctx);
        NotPlanned no = (NotPlanned) planning;
        if (no.why() == Why.NOTHING_TO_DO && s.path() == Path.REMOVE_MEMBERSHIP) {
            return Decision.of(new Done(s.ticketId(), s.subscriptionName(), s.path(), null, ctx.now()),
                    new Effect.PrivateNote(Notes.nothingToDo(no.reason())));
        }
        if (no.why() == Why.NOTHING_TO_DO) {
            return Decision.of(new Done(s.ticketId(), s.subscriptionName(), s.path(), null, ctx.now()),
                    new Effect.PublicComment(Messages.selfServiceConfirmed(s.subscriptionName())),
                    new Effect.PrivateNote(s.path() == Path.SELF_SERVICE
                            ? Notes.selfServiceConfirmed(s.subscriptionName(), email) : Notes.nothingToDo(no.reason())));
        }
        if (no.why() == Why.RESELLER_REQUESTER) {
            return Decision.of(new NeedsHuman(s.ticketId(), s.subscriptionName(), Handoff.RESELLER_REQUESTER, ctx.now()),
                    new Effect.PrivateNote(Notes.handoff(Handoff.RESELLER_REQUESTER, no.reason())
                            + "\n\n" + ResellerNotes.draftToReseller(s.subscriptionName())));
        }
        if (no.why() == Why.ASK_REQUESTER && !s.leaveOtherAccount()) return askRequester(s, ctx);
        return handoff(s, Handoff.NO_PLAN, no.reason(), ctx);
    }

    private static Decision<ChangeContactState> propose(Planning s, Plan plan, Context ctx) {
        Decision<ChangeContactState> asked = Approving.GATE.ask(plan, ctx, ask -> new Gate(
                s.ticketId(), s.requester(), s.subscriptionName(), s.path(), ask));
        return Resellers.resellerOf(plan)
                .map(reseller -> asked.followedBy(new Effect.PrivateNote(Notes.resellerPurchase(reseller))))
                .orElse(asked);
    }

    private static Decision<ChangeContactState> askRequester(Planning s, Context ctx) {
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.PublicComment(Messages.OTHER_ACCOUNT.ask(s.subscriptionName())));
        effects.addAll(ChangeContactSettings.ANSWER.reminders(ctx));
        effects.add(new Effect.PrivateNote(Notes.askedRequester(ctx.setting(ChangeContactSettings.EXPIRY))));
        return Decision.of(new AwaitingAnswer(s.ticketId(), s.requester(), s.subscriptionName(), s.proof(), ctx.now(), 0,
                false, Set.of()), effects);
    }

    private static Decision<ChangeContactState> handoff(Planning s, Handoff why, String reason, Context ctx) {
        return Decision.of(new NeedsHuman(s.ticketId(), s.subscriptionName(), why, ctx.now()),
                new Effect.PrivateNote(Notes.handoff(why, reason)));
    }

    /** "Nia Ng" -> Nia, Ng; "Mary Ann van Dijk" -> Mary, Ann van Dijk; a single word has no last name. */
    static Optional<String[]> firstAndLast(String name) {
        if (name == null) return Optional.empty();
        String[] parts = name.trim().split("\\s+", 2);
        return parts.length == 2 ? Optional.of(parts) : Optional.empty();
    }

    private static FactRequest.PlanFactsOf factsOf(Planning s) {
        return new FactRequest.PlanFactsOf(s.subscriptionName(),
                List.of(s.path() == Path.REMOVE_MEMBERSHIP ? s.removeEmail() : s.requester().email()));
    }

    private static List<Evidence> evidence(Planning s) {
        if (s.path() == Path.SELF_SERVICE) {
            return List.of(new Evidence("self-service", "the requester reported on the ticket that they claimed the portal"
                    + " account of subscription " + s.subscriptionName()));
        }
        return List.of(new Evidence("ownership verified", "subscription " + s.subscriptionName() + ", proof: " + ProofKind.words(s.proof())));
    }
}
