package dev.supportbot.workflows.addcontact;

import dev.supportbot.workflows.addcontact.AddContactState.AwaitingApproval;
import dev.supportbot.workflows.addcontact.AddContactState.Cancelled;
import dev.supportbot.workflows.addcontact.AddContactState.Done;
import dev.supportbot.workflows.addcontact.AddContactState.Executing;
import dev.supportbot.workflows.addcontact.AddContactState.Expired;
import dev.supportbot.workflows.addcontact.AddContactState.Failed;
import dev.supportbot.workflows.addcontact.AddContactState.Gate;
import dev.supportbot.workflows.addcontact.AddContactState.Handoff;
import dev.supportbot.workflows.addcontact.AddContactState.NeedsHuman;
import dev.supportbot.workflows.addcontact.AddContactState.Rejected;
import dev.supportbot.workflows.addcontact.AddContactState.Wait;
import dev.supportbot.workflows.approved.ApprovalGate;
import dev.supportbot.workflows.approved.GatePlug;
import dev.supportbot.workflows.approved.StepResult;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.plan.PortalChange;
import java.time.Instant;
import java.util.List;

/** Adding a contact through the approval gate: its states before, while and after the approvers decide. */
final class Approving extends GatePlug<AddContactState, Gate, AddContactState.Verification, AwaitingApproval, Executing, Failed> {
    static final ApprovalGate<AddContactState, AwaitingApproval, Executing, Failed> GATE = new ApprovalGate<>(
            AwaitingApproval.class, Executing.class, Failed.class, new Approving(),
            new ApprovalGate.Terms(AddContactSettings.APPROVAL_TTL, ctx -> 1, AddContactSettings.APPROVAL_EXPIRY, InternalNotes.WORDS));

    private Approving() {
        super(Gate::verification, AwaitingApproval::new, Executing::new, Failed::new, Cancelled::new);
    }

    @Override
    public AddContactState done(Executing s, Instant at) {
        return new Done(s.ticketId(), s.verification().subscriptionName(), s.run().approvalId(), s.run().approvers(), at);
    }

    @Override
    public List<Effect> told(Executing s, List<StepResult> results, List<String> lines) {
        boolean leftOther = s.run().plan().changes().stream().anyMatch(c -> c instanceof PortalChange.DeleteMembership);
        return List.of(new Effect.PublicComment(Messages.done(s.verification().subscriptionName(), leftOther)),
                new Effect.PrivateNote(InternalNotes.WORDS.done(s.verification().subscriptionName(), s.run().approvers(), lines)));
    }

    @Override
    public AddContactState rejected(AwaitingApproval s, long approvalId, String by, Instant at) {
        return new Rejected(s.ticketId(), s.verification().subscriptionName(), approvalId, by, at);
    }

    @Override
    public AddContactState expired(AwaitingApproval s, Instant at) {
        return new Expired(s.ticketId(), s.verification().subscriptionName(), Wait.APPROVAL, at);
    }

    @Override
    public AddContactState notPosted(AwaitingApproval s, Instant at) {
        return new NeedsHuman(s.ticketId(), s.verification().subscriptionName(), Handoff.APPROVAL_NOT_POSTED, at);
    }
}
