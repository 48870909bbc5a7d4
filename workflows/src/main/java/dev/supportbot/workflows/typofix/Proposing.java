package dev.supportbot.workflows.typofix;

import dev.supportbot.workflows.approved.ApprovalGate;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Emails;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.PlanFacts;
import dev.supportbot.workflows.plan.Evidence;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.Planning.NotPlanned;
import dev.supportbot.workflows.plan.Planning.Proposed;
import dev.supportbot.workflows.plan.TypoFixPlanner;
import dev.supportbot.workflows.typofix.TypoFixState.Gate;
import dev.supportbot.workflows.typofix.TypoFixState.AwaitingConfirmation;
import dev.supportbot.workflows.typofix.TypoFixState.NothingToDo;
import dev.supportbot.workflows.typofix.TypoFixState.Planning;
import dev.supportbot.workflows.typofix.TypoFixState.StopReason;
import dev.supportbot.workflows.typofix.TypoFixState.Stopped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Step 5's plan: once the AM confirmed, the plan's facts are read and {@link TypoFixPlanner} plans the change. */
final class Proposing {
    static final String FACTS_KEY = "plan-facts";
    static final String APPROVAL_KEY = ApprovalGate.APPROVAL_KEY;

    private Proposing() {}

    static Decision<TypoFixState> confirmed(AwaitingConfirmation s, String corrected, Comment reply, Context ctx) {
        return Decision.of(new Planning(s.ticketId(), s.target(), s.bounce(), corrected),
                new Effect.CancelReminders(),
                new Effect.PrivateNote(Notes.confirmed(corrected, reply)),
                new Effect.Continue(FACTS_KEY));
    }

    static List<FactRequest<?>> factsNeeded(Planning s, EffectSucceeded e) {
        return FACTS_KEY.equals(e.effectKey()) ? List.of(factsOf(s)) : List.of();
    }

    static Decision<TypoFixState> decide(Planning s, EffectSucceeded e, Facts facts, Context ctx) {
        if (!FACTS_KEY.equals(e.effectKey())) return Decision.unchanged(s);
        String subscription = s.target().subscriptionName();
        Optional<PlanFacts> found = facts.find(factsOf(s));
        if (found.isEmpty()) return noPlan(s, "the subscription or its billing account is not in the portal", ctx);
        PlanFacts planFacts = found.get();
        Optional<BillingAccount> account = planFacts.state().account(planFacts.billingAccountId());
        if (account.isPresent() && !Emails.sameAddress(account.get().soldTo().email(), s.target().mistypedEmail())
                && !Emails.sameAddress(account.get().soldTo().email(), s.correctedEmail())) {
            return noPlan(s, "the billing account's Sold To is neither the mistyped nor the corrected address", ctx);
        }
        var planning = TypoFixPlanner.plan(new TypoFixPlanner.Request(s.ticketId(), evidence(s), planFacts.state(),
                planFacts.billingAccountId(), s.correctedEmail(), s.target().resend()));
        if (planning instanceof Proposed p) return propose(s, p.plan(), ctx);
        NotPlanned no = (NotPlanned) planning;
        return switch (no.why()) {
            case NOTHING_TO_DO -> Decision.of(new NothingToDo(s.ticketId(), subscription, ctx.now()),
                    new Effect.PrivateNote(Notes.nothingToDo(s.correctedEmail())));
            case NEEDS_HUMAN, NO_SAFE_ORDER, ASK_REQUESTER, RESELLER_REQUESTER -> noPlan(s, no.reason(), ctx);
        };
    }

    private static Decision<TypoFixState> propose(Planning s, Plan plan, Context ctx) {
        return Approving.GATE.ask(plan, ctx, ask -> new Gate(s.ticketId(), s.target(), s.bounce(),
                s.correctedEmail(), ask));
    }

    private static Decision<TypoFixState> noPlan(Planning s, String reason, Context ctx) {
        return Decision.of(new Stopped(s.ticketId(), s.target().subscriptionName(), StopReason.NO_PLAN, ctx.now()),
                new Effect.PrivateNote(Notes.stopped(StopReason.NO_PLAN, reason)));
    }

    private static FactRequest.PlanFactsOf factsOf(Planning s) {
        return new FactRequest.PlanFactsOf(s.target().subscriptionName(),
                List.of(s.target().mistypedEmail(), s.correctedEmail()));
    }

    private static List<Evidence> evidence(Planning s) {
        List<Evidence> evidence = new ArrayList<>();
        if (s.target().cloud()) {
            evidence.add(new Evidence("activation code unused", "no instance activated " + s.target().subscriptionName()));
        }
        evidence.add(new Evidence("mail bounced", Notes.bounceLine(s.bounce())));
        evidence.add(new Evidence("confirmed in writing", "the account manager confirmed " + s.correctedEmail()
                + " on the ticket"));
        return evidence;
    }
}
