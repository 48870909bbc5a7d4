package dev.supportbot.workflows.changecontact;

import dev.supportbot.workflows.approved.PlanRuns;
import dev.supportbot.workflows.approved.StepResult;
import dev.supportbot.workflows.changecontact.ChangeContactState.AwaitingApproval;
import dev.supportbot.workflows.changecontact.ChangeContactState.Done;
import dev.supportbot.workflows.changecontact.ChangeContactState.Executing;
import dev.supportbot.workflows.changecontact.ChangeContactState.Failed;
import dev.supportbot.workflows.changecontact.ChangeContactState.Path;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Running the approved plan one step at a time (each a {@code RunPlanStep} whose result starts the next); a failed
 * step, e.g. one whose facts changed since the preview, waits for an approver's retry from that step in a new round.
 * When the last step is done the requester is told on their ticket.
 */
final class Execution {
    private Execution() {}

    static Decision<ChangeContactState> start(AwaitingApproval s, long approvalId, List<String> approvers) {
        List<StepResult> results = PlanRuns.with(PlanRuns.notRun(s.plan()), 1, StepResult.RUNNING);
        Executing next = new Executing(s.ticketId(), s.requester(), s.subscriptionName(), s.path(), s.plan(), s.planHash(),
                approvalId, approvers, 1, 0, results);
        return Decision.of(next, new Effect.CancelReminders(), PlanRuns.progress(next.plan(), approvalId, results),
                PlanRuns.runStep(next.plan(), approvalId, 1, 0));
    }

    static Decision<ChangeContactState> stepDone(Executing s, EffectSucceeded e, Facts facts, Context ctx) {
        if (!PlanRuns.keyOf(s.step(), s.round()).equals(e.effectKey())) return Decision.unchanged(s);
        boolean already = "true".equalsIgnoreCase(e.result().get(Effect.RunPlanStep.ALREADY_DONE));
        List<StepResult> results = PlanRuns.with(s.results(), s.step(), already ? StepResult.ALREADY_DONE : StepResult.DONE);
        if (s.step() < s.plan().changes().size()) {
            results = PlanRuns.with(results, s.step() + 1, StepResult.RUNNING);
            Executing next = new Executing(s.ticketId(), s.requester(), s.subscriptionName(), s.path(), s.plan(),
                    s.planHash(), s.approvalId(), s.approvers(), s.step() + 1, s.round(), results);
            return Decision.of(next, PlanRuns.progress(next.plan(), next.approvalId(), results),
                    PlanRuns.runStep(next.plan(), next.approvalId(), next.step(), next.round()));
        }
        List<String> lines = PlanRuns.lines(s.plan(), results);
        boolean signInLink = s.plan().changes().stream().anyMatch(c -> c instanceof PortalChange.SendSignInLink);
        return Decision.of(new Done(s.ticketId(), s.subscriptionName(), s.path(), s.approvalId(), ctx.now()),
                new Effect.UpdateApproval(s.approvalId(), Phase.DONE, lines, null),
                new Effect.PublicComment(s.path() == Path.REMOVE_MEMBERSHIP ? Messages.membershipRemoved(s.subscriptionName())
                        : Messages.done(s.subscriptionName(), signInLink, leftOtherAccount(s.plan()))),
                new Effect.PrivateNote(Notes.done(s.subscriptionName(), s.approvers(), lines)));
    }

    static Decision<ChangeContactState> stepFailed(Executing s, EffectFailed e, Facts facts, Context ctx) {
        if (!PlanRuns.keyOf(s.step(), s.round()).equals(e.effectKey())) return Decision.unchanged(s);
        List<StepResult> results = PlanRuns.with(s.results(), s.step(), StepResult.FAILED);
        int steps = s.plan().changes().size();
        String reason = e.reason() == null || e.reason().isBlank() ? "no reason given" : e.reason();
        List<String> lines = new ArrayList<>(PlanRuns.lines(s.plan(), results));
        lines.add(Notes.failedLine(s.step(), steps, reason));
        return Decision.of(new Failed(s.ticketId(), s.requester(), s.subscriptionName(), s.path(), s.plan(), s.planHash(),
                        s.approvalId(), s.approvers(), s.step(), s.round(), results),
                new Effect.UpdateApproval(s.approvalId(), Phase.FAILED, lines, s.step()),
                new Effect.PrivateNote(Notes.failed(s.step(), steps, reason, PlanRuns.lines(s.plan(), results))));
    }

    static Decision<ChangeContactState> retry(Failed s, RetryRequested e, Facts facts, Context ctx) {
        if (e.approvalId() != s.approvalId() || e.fromStep() != s.failedStep()) return Decision.unchanged(s);
        List<StepResult> results = PlanRuns.with(s.results(), s.failedStep(), StepResult.RUNNING);
        Executing next = new Executing(s.ticketId(), s.requester(), s.subscriptionName(), s.path(), s.plan(), s.planHash(),
                s.approvalId(), s.approvers(), s.failedStep(), s.round() + 1, results);
        String approver = e.approver() == null || e.approver().isBlank() ? "an approver" : e.approver();
        return Decision.of(next, PlanRuns.progress(next.plan(), next.approvalId(), results),
                new Effect.PrivateNote(Notes.retrying(s.failedStep(), approver)),
                PlanRuns.runStep(next.plan(), next.approvalId(), next.step(), next.round()));
    }

    /** The plan removes a membership of another billing account first: the requester agreed to leave it. */
    private static boolean leftOtherAccount(Plan plan) {
        return plan.changes().stream().anyMatch(c -> c instanceof PortalChange.DeleteMembership d
                && d.billingAccountId() != plan.goal().billingAccountId());
    }
}
