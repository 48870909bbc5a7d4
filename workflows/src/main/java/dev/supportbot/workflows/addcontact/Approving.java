package dev.supportbot.workflows.addcontact;

import dev.supportbot.workflows.addcontact.AddContactState.AwaitingApproval;
import dev.supportbot.workflows.addcontact.AddContactState.Cancelled;
import dev.supportbot.workflows.addcontact.AddContactState.Done;
import dev.supportbot.workflows.addcontact.AddContactState.Executing;
import dev.supportbot.workflows.addcontact.AddContactState.Expired;
import dev.supportbot.workflows.addcontact.AddContactState.Failed;
import dev.supportbot.workflows.addcontact.AddContactState.Gate;
import dev.supportbot.workflows.addcontact.AddContactState.HandedToBilling;
import dev.supportbot.workflows.addcontact.AddContactState.Handoff;
import dev.supportbot.workflows.addcontact.AddContactState.NeedsHuman;
import dev.supportbot.workflows.addcontact.AddContactState.Rejected;
import dev.supportbot.workflows.addcontact.AddContactState.Wait;
import dev.supportbot.workflows.approved.ApprovalGate;
import dev.supportbot.workflows.approved.GatePlug;
import dev.supportbot.workflows.approved.StepResult;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.plan.PortalChange;
import java.util.List;

/** Adding a contact through the approval gate: its states before, while and after the approvers decide. */
final class Approving extends GatePlug<AddContactState, Gate, AddContactState.Verification, AwaitingApproval, Executing, Failed> {
    static final ApprovalGate<AddContactState, AwaitingApproval, Executing, Failed> GATE = new ApprovalGate<>(
            AwaitingApproval.class, Executing.class, Failed.class, new Approving(),
            new ApprovalGate.Terms(AddContactSettings.APPROVAL_TTL, ctx -> 1, AddContactSettings.APPROVAL_EXPIRY, InternalNotes.WORDS));

    private Approving() {
        super(Gate::verification, AwaitingApproval::new, Executing::new, Failed::new, new Ends<>(Done::new, HandedToBilling::new,
                Rejected::new, (ticketId, subscription, at) -> new Expired(ticketId, subscription, Wait.APPROVAL, at),
                (ticketId, subscription, at) -> new NeedsHuman(ticketId, subscription, Handoff.APPROVAL_NOT_POSTED, at),
                Cancelled::new));
    }

    @Override
    public List<Effect> told(Executing s, List<StepResult> results, List<String> lines) {
        boolean leftOther = s.run().plan().changes().stream().anyMatch(c -> c instanceof PortalChange.DeleteMembership);
        return List.of(new Effect.PublicComment(Messages.done(s.verification().subscriptionName(), leftOther)),
                new Effect.PrivateNote(InternalNotes.WORDS.done(s.verification().subscriptionName(), s.run().approvers(), lines)));
    }
}
