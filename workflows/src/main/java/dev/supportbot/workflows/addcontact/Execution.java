package dev.supportbot.workflows.addcontact;

import dev.supportbot.workflows.addcontact.AddContactState.AwaitingApproval;
import dev.supportbot.workflows.addcontact.AddContactState.Done;
import dev.supportbot.workflows.addcontact.AddContactState.Executing;
import dev.supportbot.workflows.addcontact.AddContactState.Failed;
import dev.supportbot.workflows.addcontact.AddContactState.StepResult;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Effect.UpdateApproval.Phase;
import dev.supportbot.workflows.engine.Event.EffectFailed;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.Event.RetryRequested;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.PlanScope;
import dev.supportbot.workflows.plan.PortalChange;
import dev.supportbot.workflows.plan.Preview;
import dev.supportbot.workflows.plan.Snapshot;
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
        List<StepResult> results = AddContactState.with(StepLines.notRun(plan), 1, StepResult.RUNNING);
        Executing next = new Executing(s.ticketId(), s.verification(), plan, s.planHash(),
                approvalId, approvers, 1, 0, results);
        return Decision.of(next, new Effect.CancelReminders(), progress(next), runStep(next));
    }

    // ---- Executing + EffectSucceeded / EffectFailed

    static Decision<AddContactState> stepDone(Executing s, EffectSucceeded e, Facts facts, Context ctx) {
        if (!keyOf(s.step(), s.round()).equals(e.effectKey())) return Decision.unchanged(s);
        boolean already = "true".equalsIgnoreCase(e.result().get(Effect.RunPlanStep.ALREADY_DONE));
        List<StepResult> results = AddContactState.with(s.results(), s.step(), already ? StepResult.ALREADY_DONE : StepResult.DONE);
        int steps = s.plan().changes().size();
        if (s.step() < steps) {
            results = AddContactState.with(results, s.step() + 1, StepResult.RUNNING);
            Executing next = new Executing(s.ticketId(), s.verification(), s.plan(),
                    s.planHash(), s.approvalId(), s.approvers(), s.step() + 1, s.round(), results);
            return Decision.of(next, progress(next), runStep(next));
        }
        List<String> lines = StepLines.of(s.plan(), results);
        boolean leftOther = s.plan().changes().stream().anyMatch(c -> c instanceof PortalChange.DeleteMembership);
        return Decision.of(new Done(s.ticketId(), s.verification().subscriptionName(), s.approvalId(), s.approvers(), ctx.now()),
                new Effect.UpdateApproval(s.approvalId(), Phase.DONE, lines, null),
                new Effect.PublicComment(Messages.done(s.verification().subscriptionName(), leftOther)),
                new Effect.PrivateNote(InternalNotes.done(s.verification(), s.approvers(), lines)));
    }

    static Decision<AddContactState> stepFailed(Executing s, EffectFailed e, Facts facts, Context ctx) {
        if (!keyOf(s.step(), s.round()).equals(e.effectKey())) return Decision.unchanged(s);
        List<StepResult> results = AddContactState.with(s.results(), s.step(), StepResult.FAILED);
        int steps = s.plan().changes().size();
        String reason = e.reason() == null || e.reason().isBlank() ? "no reason given" : e.reason();
        List<String> lines = new java.util.ArrayList<>(StepLines.of(s.plan(), results));
        lines.add(InternalNotes.failedLine(s.step(), steps, reason));
        return Decision.of(new Failed(s.ticketId(), s.verification(), s.plan(), s.planHash(), s.approvalId(), s.approvers(),
                        s.step(), s.round(), results),
                new Effect.UpdateApproval(s.approvalId(), Phase.FAILED, lines, s.step()),
                new Effect.PrivateNote(InternalNotes.failed(s.step(), steps, reason, StepLines.of(s.plan(), results))));
    }

    // ---- Failed + RetryRequested

    static Decision<AddContactState> retry(Failed s, RetryRequested e, Facts facts, Context ctx) {
        if (e.approvalId() != s.approvalId() || e.fromStep() != s.failedStep()) return Decision.unchanged(s);
        List<StepResult> results = AddContactState.with(s.results(), s.failedStep(), StepResult.RUNNING);
        Executing next = new Executing(s.ticketId(), s.verification(), s.plan(),
                s.planHash(), s.approvalId(), s.approvers(), s.failedStep(), s.round() + 1, results);
        String approver = e.approver() == null || e.approver().isBlank() ? "an approver" : e.approver();
        return Decision.of(next, progress(next), new Effect.PrivateNote(InternalNotes.retrying(s.failedStep(), approver)),
                runStep(next));
    }

    /** The key of step {@code step} in round {@code round} (0, then one more per retry): {@code step-k} in round 0. */
    static String keyOf(int step, int round) {
        return round == 0 ? "step-" + step : "step-" + step + "-round-" + round;
    }

    private static Effect progress(Executing s) {
        return new Effect.UpdateApproval(s.approvalId(), Phase.EXECUTING, StepLines.of(s.plan(), s.results()), null);
    }

    /** The step's change with what the preview predicts just before and just after it. */
    private static Effect runStep(Executing s) {
        Plan plan = s.plan();
        Preview preview = plan.preview();
        int k = s.step();
        Snapshot before = k == 1 ? preview.before() : preview.steps().get(k - 2).after();
        Snapshot after = preview.steps().get(k - 1).after();
        return new Effect.RunPlanStep(keyOf(k, s.round()), s.approvalId(), k, s.round(), plan.changes().get(k - 1),
                PlanScope.of(plan, preview), before, after);
    }
}
