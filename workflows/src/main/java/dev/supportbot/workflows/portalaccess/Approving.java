package dev.supportbot.workflows.portalaccess;

import dev.supportbot.workflows.approved.ApprovalGate;
import dev.supportbot.workflows.approved.GatePlug;
import dev.supportbot.workflows.approved.StepResult;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.plan.PortalAccessPlanner.Help;
import dev.supportbot.workflows.portalaccess.PortalAccessState.AwaitingApproval;
import dev.supportbot.workflows.portalaccess.PortalAccessState.Cancelled;
import dev.supportbot.workflows.portalaccess.PortalAccessState.Done;
import dev.supportbot.workflows.portalaccess.PortalAccessState.Executing;
import dev.supportbot.workflows.portalaccess.PortalAccessState.Expired;
import dev.supportbot.workflows.portalaccess.PortalAccessState.Failed;
import dev.supportbot.workflows.portalaccess.PortalAccessState.HandedToBilling;
import dev.supportbot.workflows.portalaccess.PortalAccessState.Handoff;
import dev.supportbot.workflows.portalaccess.PortalAccessState.NeedsHuman;
import dev.supportbot.workflows.portalaccess.PortalAccessState.Gate;
import dev.supportbot.workflows.portalaccess.PortalAccessState.Rejected;
import java.util.List;

/** Portal access help through the approval gate; once the portal sent it, the requester is told. */
final class Approving extends GatePlug<PortalAccessState, Gate, Help, AwaitingApproval, Executing, Failed> {
    static final ApprovalGate<PortalAccessState, AwaitingApproval, Executing, Failed> GATE = new ApprovalGate<>(
            AwaitingApproval.class, Executing.class, Failed.class, new Approving(),
            new ApprovalGate.Terms(PortalAccessSettings.APPROVAL_TTL, ctx -> 1, PortalAccessSettings.APPROVAL_EXPIRY, Notes.WORDS));

    private Approving() {
        super(Gate::help, AwaitingApproval::new, Executing::new, Failed::new, new Ends<>(Done::new, HandedToBilling::new,
                Rejected::new, (ticketId, none, at) -> new Expired(ticketId, at),
                (ticketId, none, at) -> new NeedsHuman(ticketId, Handoff.APPROVAL_NOT_POSTED, at), Cancelled::new));
    }

    @Override
    public List<Effect> told(Executing s, List<StepResult> results, List<String> lines) {
        return List.of(new Effect.PublicComment(Messages.sent(s.help())), new Effect.PrivateNote(Notes.done(s.run().approvers(), lines)));
    }
}
