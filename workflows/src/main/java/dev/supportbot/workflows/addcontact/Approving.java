package dev.supportbot.workflows.addcontact;

import dev.supportbot.workflows.addcontact.AddContactState.Done;
import dev.supportbot.workflows.addcontact.AddContactState.Expired;
import dev.supportbot.workflows.addcontact.AddContactState.Gate;
import dev.supportbot.workflows.addcontact.AddContactState.GateEnd;
import dev.supportbot.workflows.addcontact.AddContactState.Handoff;
import dev.supportbot.workflows.addcontact.AddContactState.NeedsHuman;
import dev.supportbot.workflows.addcontact.AddContactState.Wait;
import dev.supportbot.workflows.approved.ApprovalGate;
import dev.supportbot.workflows.approved.GatePlug;
import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.approved.StepResult;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.plan.PortalChange;
import java.util.List;

/** Adding a contact through the approval gate: its states before, while and after the approvers decide. */
final class Approving extends GatePlug<AddContactState, Gate> {
    static final ApprovalGate<AddContactState, Gate, Gate, Gate> GATE = ApprovalGate.of(Gate.class, new Approving(),
            new ApprovalGate.Terms(AddContactSettings.APPROVAL_TTL, ctx -> 1, AddContactSettings.APPROVAL_EXPIRY, InternalNotes.WORDS));

    private Approving() {
        super((g, phase) -> new Gate(g.ticketId(), g.verification(), phase), new Ends<>(Done::new, GateEnd::new,
                (ticketId, subscription, at) -> new Expired(ticketId, subscription, Wait.APPROVAL, at),
                (ticketId, subscription, at) -> new NeedsHuman(ticketId, subscription, Handoff.APPROVAL_NOT_POSTED, at)));
    }

    @Override
    public List<Effect> told(Gate s, Gated.Run run, List<StepResult> results, List<String> lines) {
        boolean leftOther = run.plan().changes().stream().anyMatch(c -> c instanceof PortalChange.DeleteMembership);
        return List.of(new Effect.PublicComment(Messages.done(s.verification().subscriptionName(), leftOther)),
                new Effect.PrivateNote(InternalNotes.WORDS.done(s.verification().subscriptionName(), run.approvers(), lines)));
    }
}
