package dev.supportbot.workflows.resend;

import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.PlanFacts;
import dev.supportbot.workflows.ownership.VerifiedOwnership;
import dev.supportbot.workflows.plan.Evidence;
import dev.supportbot.workflows.plan.Planning.NotPlanned;
import dev.supportbot.workflows.plan.Planning.Proposed;
import dev.supportbot.workflows.plan.ResendPlanner;
import dev.supportbot.workflows.resend.ResendLicenseState.Gate;
import dev.supportbot.workflows.resend.ResendLicenseState.Handoff;
import dev.supportbot.workflows.resend.ResendLicenseState.Planning;
import java.util.List;
import java.util.Optional;

/** Planning: a {@code Continue} brings the plan's facts; the planner proposes the resend, or says why there is none. */
final class Proposing {
    static final String FACTS_KEY = "plan-facts";

    private Proposing() {}

    static Decision<ResendLicenseState> plan(long ticketId, String requesterEmail, VerifiedOwnership verified) {
        return Decision.of(new Planning(ticketId, requesterEmail, verified),
                new Effect.PrivateNote(Notes.planning(verified)), new Effect.Continue(FACTS_KEY));
    }

    static List<FactRequest<?>> factsNeeded(Planning s, EffectSucceeded e) {
        if (!FACTS_KEY.equals(e.effectKey())) return List.of();
        return List.of(factsOf(s), licensesOf(s));
    }

    static Decision<ResendLicenseState> decide(Planning s, EffectSucceeded e, Facts facts, Context ctx) {
        if (!FACTS_KEY.equals(e.effectKey())) return Decision.unchanged(s);
        String subscription = s.ownership().subscriptionName();
        Optional<PlanFacts> found = facts.find(factsOf(s));
        if (found.isEmpty()) {
            return Starting.handoff(s.ticketId(), subscription, Handoff.NO_PLAN, "the portal has no billing account for " + subscription, ctx);
        }
        var planning = ResendPlanner.plan(new ResendPlanner.Request(s.ticketId(), evidence(s), found.get().state(),
                found.get().billingAccountId(), s.requesterEmail(), facts.find(licensesOf(s)).orElse(List.of())));
        if (planning instanceof Proposed p) {
            return Approving.GATE.ask(p.plan(), ctx,
                    ask -> new Gate(s.ticketId(), s.ownership(), ask));
        }
        NotPlanned no = (NotPlanned) planning;
        Handoff why = no.why() == dev.supportbot.workflows.plan.Planning.Why.RESELLER_REQUESTER ? Handoff.RESELLER_REQUESTER : Handoff.NO_PLAN;
        return Starting.handoff(s.ticketId(), subscription, why, no.reason(), ctx);
    }

    private static List<Evidence> evidence(Planning s) {
        return List.of(new Evidence("ownership verified", "requester " + s.requesterEmail() + ", subscription "
                + s.ownership().subscriptionName() + ", proof: " + s.ownership().proofWords()));
    }

    private static FactRequest.PlanFactsOf factsOf(Planning s) {
        return new FactRequest.PlanFactsOf(s.ownership().subscriptionName(), List.of(s.requesterEmail()));
    }

    private static FactRequest.LicensesOfSubscription licensesOf(Planning s) {
        return new FactRequest.LicensesOfSubscription(s.ownership().subscriptionName());
    }
}
