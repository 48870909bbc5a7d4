package dev.supportbot.workflows.typofix;

import dev.supportbot.workflows.approved.ApprovalGate;
import dev.supportbot.workflows.approved.GatePlug;
import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.approved.StepResult;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.typofix.TypoFixState.Done;
import dev.supportbot.workflows.typofix.TypoFixState.Expired;
import dev.supportbot.workflows.typofix.TypoFixState.Gate;
import dev.supportbot.workflows.typofix.TypoFixState.GateEnd;
import dev.supportbot.workflows.typofix.TypoFixState.StopReason;
import dev.supportbot.workflows.typofix.TypoFixState.Stopped;
import dev.supportbot.workflows.typofix.TypoFixState.Wait;
import java.util.List;

/**
 * A typo fix through the approval gate; once it ran, the account manager is asked to update the CRM. The bounce is
 * kept only while the plan waits: an account manager who corrects the address then is asked to confirm again.
 */
final class Approving extends GatePlug<TypoFixState, Gate> {
    static final ApprovalGate<TypoFixState, Gate, Gate, Gate> GATE = ApprovalGate.of(Gate.class, new Approving(),
            new ApprovalGate.Terms(TypoFixSettings.APPROVAL_TTL, ctx -> 1, TypoFixSettings.APPROVAL_EXPIRY, Notes.WORDS));

    private Approving() {
        super((g, phase) -> new Gate(g.ticketId(), g.target(), phase instanceof Gated.Ask ? g.bounce() : null, g.correctedEmail(), phase),
                new Ends<>((g, approval) -> new Done(g.correctedEmail(), approval), GateEnd::new,
                        (ticketId, subscription, at) -> new Expired(ticketId, subscription, Wait.APPROVAL, at),
                        (ticketId, subscription, at) -> new Stopped(ticketId, subscription, StopReason.APPROVAL_NOT_POSTED, at)));
    }

    @Override
    public List<Effect> told(Gate s, Gated.Run run, List<StepResult> results, List<String> lines) {
        return List.of(new Effect.PrivateNote(Notes.done(s.target(), s.correctedEmail(), run.approvers(), lines)),
                new Effect.PublicComment(Messages.done(s.target(), s.correctedEmail())));
    }
}
