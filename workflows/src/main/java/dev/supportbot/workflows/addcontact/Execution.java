package dev.supportbot.workflows.addcontact;

import dev.supportbot.workflows.addcontact.AddContactState.AwaitingApproval;
import dev.supportbot.workflows.addcontact.AddContactState.Done;
import dev.supportbot.workflows.addcontact.AddContactState.Executing;
import dev.supportbot.workflows.addcontact.AddContactState.Failed;
import dev.supportbot.workflows.approved.PlanRuns;
import dev.supportbot.workflows.approved.StepResult;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Effect.UpdateApproval.Phase;
import dev.supportbot.workflows.engine.Event.EffectFailed;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.Event.RetryRequested;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.PortalChange;
import java.util.List;

/**
 * Running an approved plan one step at a time: each step is one {@code RunPlanStep} whose result starts the next.
 * A step that fails stops the plan until an approver asks to retry it; a retry is a new round, so its keys differ
 * from the failed attempt's.
 */
final class Execution {
    private Execution() {}

    static Decision<AddContactState> start(AwaitingApproval s, long approvalId, List<String> approvers) {
        Plan plan = s.plan();
        List<StepResult> results = PlanRuns.with(PlanRuns.notRun(plan), 1, StepResult.RUNNING);
        Executing next = new Executing(s.ticketId(), s.verification(), plan, s.planHash(),
                approvalId, approvers, 1, 0, results);
        return Decision.of(next, new Effect.CancelReminders(), PlanRuns.progress(next.plan(), next.approvalId(), next.results()), PlanRuns.runStep(next.plan(), next.approvalId(), next.step(), next.round()));
    }

    // ---- Executing + EffectSucceeded / EffectFailed

    static Decision<AddContactState> stepDone(Executing s, EffectSucceeded e, Facts facts, Context ctx) {
        if (!PlanRuns.keyOf(s.step(), s.round()).equals(e.effectKey())) return Decision.unchanged(s);
        boolean already = "true".equalsIgnoreCase(e.result().get(Effect.RunPlanStep.ALREADY_DONE));
        List<StepResult> results = PlanRuns.with(s.results(), s.step(), already ? StepResult.ALREADY_DONE : StepResult.DONE);
        int steps = s.plan().changes().size();
        if (s.step() < steps) {
            results = PlanRuns.with(results, s.step() + 1, StepResult.RUNNING);
            Executing next = new Executing(s.ticketId(), s.verification(), s.plan(),
                    s.planHash(), s.approvalId(), s.approvers(), s.step() + 1, s.round(), results);
            return Decision.of(next, PlanRuns.progress(next.plan(), next.approvalId(), next.results()), PlanRuns.runStep(next.plan(), next.approvalId(), next.step(), next.round()));
        }
        List<String> lines = PlanRuns.lines(s.plan(), results);
        boolean leftOther = s.plan().changes().stream().anyMatch(c -> c instanceof PortalChange.DeleteMembership);
        return Decision.of(new Done(s.ticketId(), s.verification().subscriptionName(), s.approvalId(), s.approvers(), ctx.now()),
                new Effect.UpdateApproval(s.approvalId(), Phase.DONE, lines, null),
                new Effect.PublicComment(Messages.done(s.verification().subscriptionName(), leftOther)),
                new Effect.PrivateNote(InternalNotes.done(s.verification(), s.approvers(), lines)));
    }

    static Decision<AddContactState> stepFailed(Executing s, EffectFailed e, Facts facts, Context ctx) {
        if (!PlanRuns.keyOf(s.step(), s.round()).equals(e.effectKey())) return Decision.unchanged(s);
        List<StepResult> results = PlanRuns.with(s.results(), s.step(), StepResult.FAILED);
        int steps = s.plan().changes().size();
        String reason = e.reason() == null || e.reason().isBlank() ? "no reason given" : e.reason();
        List<String> lines = new java.util.ArrayList<>(PlanRuns.lines(s.plan(), results));
        lines.add(InternalNotes.failedLine(s.step(), steps, reason));
        return Decision.of(new Failed(s.ticketId(), s.verification(), s.plan(), s.planHash(), s.approvalId(), s.approvers(),
                        s.step(), s.round(), results),
                new Effect.UpdateApproval(s.approvalId(), Phase.FAILED, lines, s.step()),
                new Effect.PrivateNote(InternalNotes.failed(s.step(), steps, reason, PlanRuns.lines(s.plan(), results))));
    }

    // ---- Failed + RetryRequested

    static Decision<AddContactState> retry(Failed s, RetryRequested e, Facts facts, Context ctx) {
        if (e.approvalId() != s.approvalId() || e.fromStep() != s.failedStep()) return Decision.unchanged(s);
        List<StepResult> results = PlanRuns.with(s.results(), s.failedStep(), StepResult.RUNNING);
        Executing next = new Executing(s.ticketId(), s.verification(), s.plan(),
                s.planHash(), s.approvalId(), s.approvers(), s.failedStep(), s.round() + 1, results);
        String approver = e.approver() == null || e.approver().isBlank() ? "an approver" : e.approver();
        return Decision.of(next, PlanRuns.progress(next.plan(), next.approvalId(), next.results()), new Effect.PrivateNote(InternalNotes.retrying(s.failedStep(), approver)),
                PlanRuns.runStep(next.plan(), next.approvalId(), next.step(), next.round()));
    }



}
