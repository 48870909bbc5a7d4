package dev.supportbot.workflows.troubleshooting;

import dev.supportbot.workflows.approved.ApprovalGate;
import dev.supportbot.workflows.approved.GateWords;
import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.approved.StepResult;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.People;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.AwaitingApproval;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.Closed;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.Executing;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.FixFailed;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.PlannedFix;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.Running;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.Watching;
import java.time.Instant;
import java.util.List;

/**
 * The true-up fix through the approval gate. Whatever the approvers decide, troubleshooting goes back to watching the
 * ticket's comments; its keys name the comment that showed the mismatch, and an agent's cancel is its own
 * ({@link TrueUpFixing#command}).
 */
final class TrueUpApproving implements ApprovalGate.Plug<TroubleshootingState, AwaitingApproval, Executing, FixFailed> {
    static final GateWords WORDS = new GateWords("License troubleshooting: ", " A new true-up error from the customer plans it again.");
    static final ApprovalGate<TroubleshootingState, AwaitingApproval, Executing, FixFailed> GATE = new ApprovalGate<>(
            AwaitingApproval.class, Executing.class, FixFailed.class, new TrueUpApproving(),
            new ApprovalGate.Terms(LicenseTroubleshooting.APPROVAL_TTL, ctx -> TrueUpFixing.APPROVERS_NEEDED,
                    TrueUpFixing.EXPIRY_REMINDER, WORDS));

    private TrueUpApproving() {}

    @Override
    public AwaitingApproval withApprovalId(AwaitingApproval s, long approvalId) {
        return new AwaitingApproval(s.ticketId(), s.seen(), s.fix().opened(approvalId));
    }

    @Override
    public String approvalKey(AwaitingApproval s) {
        return TrueUpFixing.approvalKey(s.fix().fix());
    }

    @Override
    public String stepKey(Executing s) {
        return TrueUpFixing.stepKey(s.fix());
    }

    @Override
    public Executing executing(TroubleshootingState from, Gated.Run run) {
        Running r = (Running) from;
        PlannedFix fix = from instanceof AwaitingApproval a ? a.fix() : from instanceof Executing x ? x.fix() : ((FixFailed) from).fix();
        return new Executing(r.ticketId(), r.seen(), fix.running(run.approvalId(), run.approvers(), run.round()));
    }

    @Override
    public FixFailed failed(Executing s, Gated.Halt halt, String reason) {
        return new FixFailed(s.ticketId(), s.seen(), s.fix(), reason);
    }

    @Override
    public TroubleshootingState done(Executing s, Instant at) {
        return new Watching(s.ticketId(), s.seen());
    }

    @Override
    public List<Effect> told(Executing s, Gated.Run run, List<StepResult> results, List<String> lines) {
        boolean already = results.get(0) == StepResult.ALREADY_DONE;
        return List.of(new Effect.PrivateNote(TroubleshootingNotes.done(s.fix().fix(), s.fix().approvers(), already)));
    }

    @Override
    public TroubleshootingState rejected(AwaitingApproval s, long approvalId, String by, Instant at) {
        return new Watching(s.ticketId(), s.seen());
    }

    @Override
    public TroubleshootingState expired(AwaitingApproval s, Instant at) {
        return new Watching(s.ticketId(), s.seen());
    }

    @Override
    public TroubleshootingState notPosted(AwaitingApproval s, Instant at) {
        return new Watching(s.ticketId(), s.seen());
    }

    @Override
    public TroubleshootingState cancelled(TroubleshootingState from, String agent, Instant at) {
        return new Closed(((Running) from).ticketId(), "cancelled by " + People.inNote(agent));
    }
}
