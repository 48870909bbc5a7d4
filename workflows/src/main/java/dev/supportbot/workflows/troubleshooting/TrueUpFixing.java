package dev.supportbot.workflows.troubleshooting;

import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Effect.UpdateApproval.Phase;
import dev.supportbot.workflows.engine.Event.AgentCommand;
import dev.supportbot.workflows.engine.Event.ApprovalDecided;
import dev.supportbot.workflows.engine.Event.EffectFailed;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.Event.ReminderDue;
import dev.supportbot.workflows.engine.Event.RetryRequested;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.PlanFacts;
import dev.supportbot.workflows.plan.BackendState;
import dev.supportbot.workflows.plan.Evidence;
import dev.supportbot.workflows.plan.Goal;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.PlanCheck;
import dev.supportbot.workflows.plan.PlanJson;
import dev.supportbot.workflows.plan.PlanScope;
import dev.supportbot.workflows.plan.PortalChange;
import dev.supportbot.workflows.plan.Preview;
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
 * The true-up fix through the approvals mechanism: a {@link Plan} of one {@link PortalChange.DuplicateLicense}, put
 * before the approvers; on an approval bound to the plan's hash its one step runs; success or failure is noted on the
 * ticket and shown on the approval message, from which an approver may retry a failed step. The plan's facts are the
 * license's billing account and customers, and its goal is that they stay as they are: a duplicate changes no contact.
 */
final class TrueUpFixing {
    static final int APPROVERS_NEEDED = 1;
    static final int EXPIRY_REMINDER = 1;
    private static final int STEP = 1;

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
                new Evidence("registration error", TroubleshootingNotes.where(fix.commentId()) + ": \"You have applied a True-up for "
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

    // ---- AwaitingApproval

    static Decision<TroubleshootingState> approvalOpened(AwaitingApproval s, EffectSucceeded e, Facts facts, Context ctx) {
        if (!e.effectKey().equals(approvalKey(s.fix().fix()))) return Decision.unchanged(s);
        String id = e.result().get(Effect.RequestApproval.APPROVAL_ID);
        if (id == null || !id.matches("\\d{1,18}")) return Decision.unchanged(s);
        return Decision.of(new AwaitingApproval(s.ticketId(), s.seen(), s.fix().opened(Long.parseLong(id))));
    }

    static Decision<TroubleshootingState> approvalNotOpened(AwaitingApproval s, EffectFailed e, Facts facts, Context ctx) {
        if (!e.effectKey().equals(approvalKey(s.fix().fix()))) return Decision.unchanged(s);
        return Decision.of(new Watching(s.ticketId(), s.seen()), new Effect.CancelReminders(),
                note(TroubleshootingNotes.approvalNotOpened(e.reason())));
    }

    static Decision<TroubleshootingState> decided(AwaitingApproval s, ApprovalDecided e, Facts facts, Context ctx) {
        PlannedFix fix = s.fix();
        boolean ours = e.planHash().equals(fix.planHash()) && (fix.approvalId() == null || fix.approvalId() == e.approvalId());
        if (!ours) return Decision.unchanged(s);
        if (!e.approved()) {
            return Decision.of(new Watching(s.ticketId(), s.seen()), new Effect.CancelReminders(),
                    note(TroubleshootingNotes.rejected(fix.fix(), e.approvers(), e.reason())));
        }
        PlannedFix approved = fix.approvedBy(e.approvalId(), e.approvers());
        List<Effect> effects = new ArrayList<>(List.of(new Effect.CancelReminders()));
        effects.addAll(runStep(approved));
        return Decision.of(new Executing(s.ticketId(), s.seen(), approved), effects);
    }

    static Decision<TroubleshootingState> expire(AwaitingApproval s, ReminderDue e, Facts facts, Context ctx) {
        if (e.sequence() != EXPIRY_REMINDER) return Decision.unchanged(s);
        String text = TroubleshootingNotes.expired(s.fix().fix(), ctx.setting(LicenseTroubleshooting.APPROVAL_TTL));
        List<Effect> effects = new ArrayList<>();
        if (s.fix().approvalId() != null) {
            effects.add(new Effect.UpdateApproval(s.fix().approvalId(), Phase.EXPIRED, List.of(text), null));
        }
        effects.add(note(text));
        return Decision.of(new Watching(s.ticketId(), s.seen()), effects);
    }

    // ---- Executing

    static Decision<TroubleshootingState> stepDone(Executing s, EffectSucceeded e, Facts facts, Context ctx) {
        PlannedFix fix = s.fix();
        if (!e.effectKey().equals(stepKey(fix))) return Decision.unchanged(s);
        boolean already = "true".equals(e.result().get(Effect.RunPlanStep.ALREADY_DONE));
        return Decision.of(new Watching(s.ticketId(), s.seen()),
                new Effect.UpdateApproval(fix.approvalId(), Phase.DONE,
                        List.of(TroubleshootingNotes.stepLine(fix.fix(), already ? "already done" : "done")), null),
                note(TroubleshootingNotes.done(fix.fix(), fix.approvers(), already)));
    }

    static Decision<TroubleshootingState> stepFailed(Executing s, EffectFailed e, Facts facts, Context ctx) {
        PlannedFix fix = s.fix();
        if (!e.effectKey().equals(stepKey(fix))) return Decision.unchanged(s);
        return Decision.of(new FixFailed(s.ticketId(), s.seen(), fix, e.reason()),
                new Effect.UpdateApproval(fix.approvalId(), Phase.FAILED,
                        List.of(TroubleshootingNotes.stepLine(fix.fix(), "failed: " + e.reason())), STEP),
                note(TroubleshootingNotes.failed(fix.fix(), e.reason())));
    }

    // ---- FixFailed

    static Decision<TroubleshootingState> retry(FixFailed s, RetryRequested e, Facts facts, Context ctx) {
        PlannedFix fix = s.fix();
        if (fix.approvalId() == null || e.approvalId() != fix.approvalId() || e.fromStep() != STEP) return Decision.unchanged(s);
        PlannedFix next = fix.nextRound();
        return Decision.of(new Executing(s.ticketId(), s.seen(), next), runStep(next));
    }

    private static List<Effect> runStep(PlannedFix fix) {
        Plan plan = fix.plan();
        Preview preview = plan.preview();
        Preview.Step step = preview.steps().get(STEP - 1);
        return List.of(
                new Effect.UpdateApproval(fix.approvalId(), Phase.EXECUTING,
                        List.of(TroubleshootingNotes.stepLine(fix.fix(), "running")), null),
                new Effect.RunPlanStep(stepKey(fix), fix.approvalId(), STEP, fix.round(), step.change(),
                        PlanScope.of(plan, preview), preview.before(), step.after()));
    }

    // ---- any running state but Executing: a step that has started is let finish, so its result is noted

    static Decision<TroubleshootingState> command(Running s, AgentCommand e, Facts facts, Context ctx) {
        if (!e.command().equals(Command.CANCEL)) return Decision.unchanged(s);
        return close(s, "cancelled by " + e.agent());
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
