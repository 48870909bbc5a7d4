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
import dev.supportbot.workflows.portalaccess.PortalAccessState.Handoff;
import dev.supportbot.workflows.portalaccess.PortalAccessState.NeedsHuman;
import dev.supportbot.workflows.portalaccess.PortalAccessState.Gate;
import dev.supportbot.workflows.portalaccess.PortalAccessState.Rejected;
import java.time.Instant;
import java.util.List;

/** Portal access help through the approval gate; once the portal sent it, the requester is told. */
final class Approving extends GatePlug<PortalAccessState, Gate, Help, AwaitingApproval, Executing, Failed> {
    static final ApprovalGate<PortalAccessState, AwaitingApproval, Executing, Failed> GATE = new ApprovalGate<>(
            AwaitingApproval.class, Executing.class, Failed.class, new Approving(),
            new ApprovalGate.Terms(PortalAccessSettings.APPROVAL_TTL, ctx -> 1, PortalAccessSettings.APPROVAL_EXPIRY, Notes.WORDS));

    private Approving() {
        super(Gate::help, AwaitingApproval::new, Executing::new, Failed::new, Cancelled::new);
    }

    @Override
    public PortalAccessState done(Executing s, Instant at) {
        return new Done(s.ticketId(), s.help(), s.run().approvalId(), s.run().approvers(), at);
    }

    @Override
    public List<Effect> told(Executing s, List<StepResult> results, List<String> lines) {
        return List.of(new Effect.PublicComment(Messages.sent(s.help())), new Effect.PrivateNote(Notes.done(s.run().approvers(), lines)));
    }

    @Override
    public PortalAccessState rejected(AwaitingApproval s, long approvalId, String by, Instant at) {
        return new Rejected(s.ticketId(), approvalId, by, at);
    }

    @Override
    public PortalAccessState expired(AwaitingApproval s, Instant at) {
        return new Expired(s.ticketId(), at);
    }

    @Override
    public PortalAccessState notPosted(AwaitingApproval s, Instant at) {
        return new NeedsHuman(s.ticketId(), Handoff.APPROVAL_NOT_POSTED, at);
    }
}
