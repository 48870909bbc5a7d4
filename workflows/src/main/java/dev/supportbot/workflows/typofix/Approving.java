package dev.supportbot.workflows.typofix;

import dev.supportbot.workflows.approved.ApprovalGate;
import dev.supportbot.workflows.approved.GatePlug;
import dev.supportbot.workflows.approved.StepResult;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.typofix.TypoFixState.AwaitingApproval;
import dev.supportbot.workflows.typofix.TypoFixState.Cancelled;
import dev.supportbot.workflows.typofix.TypoFixState.Done;
import dev.supportbot.workflows.typofix.TypoFixState.Executing;
import dev.supportbot.workflows.typofix.TypoFixState.Expired;
import dev.supportbot.workflows.typofix.TypoFixState.Failed;
import dev.supportbot.workflows.typofix.TypoFixState.Gate;
import dev.supportbot.workflows.typofix.TypoFixState.HandedToBilling;
import dev.supportbot.workflows.typofix.TypoFixState.Rejected;
import dev.supportbot.workflows.typofix.TypoFixState.StopReason;
import dev.supportbot.workflows.typofix.TypoFixState.Stopped;
import dev.supportbot.workflows.typofix.TypoFixState.Wait;
import java.util.List;

/** A typo fix through the approval gate; once it ran, the account manager is asked to update the CRM. */
final class Approving extends GatePlug<TypoFixState, Gate, Gate, AwaitingApproval, Executing, Failed> {
    static final ApprovalGate<TypoFixState, AwaitingApproval, Executing, Failed> GATE = new ApprovalGate<>(
            AwaitingApproval.class, Executing.class, Failed.class, new Approving(),
            new ApprovalGate.Terms(TypoFixSettings.APPROVAL_TTL, ctx -> 1, TypoFixSettings.APPROVAL_EXPIRY, Notes.WORDS));

    private Approving() {
        super(g -> g, (id, g, ask) -> new AwaitingApproval(id, g.target(), ((AwaitingApproval) g).bounce(), g.correctedEmail(), ask),
                (id, g, run) -> new Executing(id, g.target(), g.correctedEmail(), run),
                (id, g, halt) -> new Failed(id, g.target(), g.correctedEmail(), halt), new Ends<>(
                        (g, approval) -> new Done(g.correctedEmail(), approval), HandedToBilling::new, Rejected::new,
                        (ticketId, subscription, at) -> new Expired(ticketId, subscription, Wait.APPROVAL, at),
                        (ticketId, subscription, at) -> new Stopped(ticketId, subscription, StopReason.APPROVAL_NOT_POSTED, at),
                        Cancelled::new));
    }

    @Override
    public List<Effect> told(Executing s, List<StepResult> results, List<String> lines) {
        return List.of(new Effect.PrivateNote(Notes.done(s.target(), s.correctedEmail(), s.run().approvers(), lines)),
                new Effect.PublicComment(Messages.done(s.target(), s.correctedEmail())));
    }
}
