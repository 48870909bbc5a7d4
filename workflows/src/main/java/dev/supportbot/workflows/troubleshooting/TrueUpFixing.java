package dev.supportbot.workflows.troubleshooting;

import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Effect.UpdateApproval.Phase;
import dev.supportbot.workflows.engine.Event.AgentCommand;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.People;
import dev.supportbot.workflows.engine.PlanFacts;
import dev.supportbot.workflows.plan.BackendState;
import dev.supportbot.workflows.plan.Evidence;
import dev.supportbot.workflows.plan.Goal;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.PlanCheck;
import dev.supportbot.workflows.plan.PlanJson;
import dev.supportbot.workflows.plan.PortalChange;
import dev.supportbot.workflows.plan.Snapshot;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.AwaitingApproval;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.Closed;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.Executing;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.FixFailed;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.Planning;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.PlannedFix;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.Running;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.TrueUpFix;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.Watching;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The true-up fix: a {@link Plan} of one {@link PortalChange.DuplicateLicense}, put before the approvers; from there
 * the approval gate ({@link TrueUpApproving}) runs it. The plan's facts are the license's billing account and customers,
 * and its goal is that they stay as they are: a duplicate changes no contact.
 */
final class TrueUpFixing {
    static final int APPROVERS_NEEDED = 1;
    static final int EXPIRY_REMINDER = 1;

    private TrueUpFixing() {}

    static String planKey(TrueUpFix fix) {
        return "true-up-plan-" + fix.commentId();
    }

    static String approvalKey(TrueUpFix fix) {
        return "true-up-approval-" + fix.commentId();
    }

    static String stepKey(PlannedFix fix) {
        return "true-up-step-" + fix.fix().commentId() + "-round-" + fix.round();
    }

    /** The fix of a state that has one. */
    static TrueUpFix fixOf(Running state) {
        if (state instanceof Planning p) return p.fix();
        if (state instanceof AwaitingApproval a) return a.fix().fix();
        if (state instanceof Executing x) return x.fix().fix();
        if (state instanceof FixFailed f) return f.fix().fix();
        throw new IllegalArgumentException(state.getClass().getSimpleName() + " has no fix");
    }

    // ---- Planning + EffectSucceeded (the Continue): read the plan's facts, plan, ask for approval

    static List<FactRequest<?>> factsToPlan(Planning s, EffectSucceeded e) {
        if (!e.effectKey().equals(planKey(s.fix())) || s.fix().subscriptionName() == null) return List.of();
        return List.of(planFacts(s.fix()));
    }

    static Decision<TroubleshootingState> plan(Planning s, EffectSucceeded e, Facts facts, Context ctx) {
        if (!e.effectKey().equals(planKey(s.fix()))) return Decision.unchanged(s);
        TrueUpFix fix = s.fix();
        Watching back = new Watching(s.ticketId(), s.seen());
        if (fix.subscriptionName() == null) {
            return Decision.of(back, note(TroubleshootingNotes.cannotPlan(fix, "the license names no subscription")));
        }
        Optional<PlanFacts> found = facts.find(planFacts(fix));
        if (found.isEmpty()) {
            return Decision.of(back, note(TroubleshootingNotes.cannotPlan(fix, "the portal has no billing account for subscription "
                    + fix.subscriptionName())));
        }
        Plan plan = planOf(s.ticketId(), fix, found.get());
        List<String> problems = PlanCheck.problems(plan, plan.preview());
        if (!problems.isEmpty()) return Decision.of(back, note(TroubleshootingNotes.cannotPlan(fix, String.join("; ", problems))));
        PlannedFix planned = new PlannedFix(fix, plan, PlanJson.hash(plan), null, List.of(), 0);
        var ttl = ctx.setting(LicenseTroubleshooting.APPROVAL_TTL);
        return Decision.of(new AwaitingApproval(s.ticketId(), s.seen(), planned),
                new Effect.RequestApproval(approvalKey(fix), plan, APPROVERS_NEEDED, ttl),
                new Effect.ScheduleReminder(EXPIRY_REMINDER, ttl),
                note(TroubleshootingNotes.approvalRequested(fix)));
    }

    static Plan planOf(long ticketId, TrueUpFix fix, PlanFacts facts) {
        BackendState state = facts.state();
        Snapshot.AccountContacts account = Snapshot.of(state).account(facts.billingAccountId());
        Goal unchanged = new Goal(facts.billingAccountId(), account.soldTo(), account.billTo(),
                Snapshot.of(state).membersOf(facts.billingAccountId()));
        List<Evidence> evidence = List.of(
                new Evidence("registration error", fix.where() + ": \"You have applied a True-up for "
                        + fix.appliedFor() + " users but you need one for " + fix.neededFor() + " users\""),
                new Evidence("last license", "#" + fix.licenseId() + " of subscription " + fix.subscriptionName() + ", sent to "
                        + fix.licenseeEmail()));
        return new Plan(ticketId, "Correct the true-up count of license #" + fix.licenseId() + " to " + fix.neededFor()
                + " users (a duplicate of the license)", evidence, state,
                List.of(new PortalChange.DuplicateLicense(fix.licenseId(), fix.neededFor())), unchanged);
    }

    private static FactRequest.PlanFactsOf planFacts(TrueUpFix fix) {
        return new FactRequest.PlanFactsOf(fix.subscriptionName(), List.of(fix.licenseeEmail()));
    }

    // ---- any running state but Executing: a step that has started is let finish, so its result is noted

    static Decision<TroubleshootingState> command(Running s, AgentCommand e, Facts facts, Context ctx) {
        if (!e.command().equals(Command.CANCEL)) return Decision.unchanged(s);
        return close(s, "cancelled by " + People.inNote(e.agent()));
    }

    static Decision<TroubleshootingState> close(Running s, String why) {
        List<Effect> effects = new ArrayList<>();
        Long approvalId = s instanceof AwaitingApproval a ? a.fix().approvalId()
                : s instanceof FixFailed f ? f.fix().approvalId() : null;
        if (approvalId != null) {
            effects.add(new Effect.UpdateApproval(approvalId, Phase.CANCELLED, List.of("License troubleshooting stopped: " + why), null));
        }
        if (s instanceof AwaitingApproval) effects.add(new Effect.CancelReminders());
        effects.add(note(TroubleshootingNotes.stopped(why)));
        return Decision.of(new Closed(s.ticketId(), why), effects);
    }

    private static Effect note(String text) {
        return new Effect.PrivateNote(text);
    }
}
