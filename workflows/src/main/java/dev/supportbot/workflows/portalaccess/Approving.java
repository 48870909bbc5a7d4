package dev.supportbot.workflows.portalaccess;

import dev.supportbot.workflows.approved.ApprovalGate;
import dev.supportbot.workflows.approved.GatePlug;
import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.approved.StepResult;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.portalaccess.PortalAccessState.Done;
import dev.supportbot.workflows.portalaccess.PortalAccessState.Expired;
import dev.supportbot.workflows.portalaccess.PortalAccessState.Gate;
import dev.supportbot.workflows.portalaccess.PortalAccessState.GateEnd;
import dev.supportbot.workflows.portalaccess.PortalAccessState.Handoff;
import dev.supportbot.workflows.portalaccess.PortalAccessState.NeedsHuman;
import java.util.List;

/** Portal access help through the approval gate; once the portal sent it, the requester is told. */
final class Approving extends GatePlug<PortalAccessState, Gate> {
    static final ApprovalGate<PortalAccessState, Gate, Gate, Gate> GATE = ApprovalGate.of(Gate.class, new Approving(),
            new ApprovalGate.Terms(PortalAccessSettings.APPROVAL_TTL, ctx -> 1, PortalAccessSettings.APPROVAL_EXPIRY, Notes.WORDS));

    private Approving() {
        super((g, phase) -> new Gate(g.ticketId(), g.help(), phase), new Ends<>(
                (g, approval) -> new Done(g.help(), approval), GateEnd::new, (ticketId, none, at) -> new Expired(ticketId, at),
                (ticketId, none, at) -> new NeedsHuman(ticketId, Handoff.APPROVAL_NOT_POSTED, at)));
    }

    @Override
    public List<Effect> told(Gate s, Gated.Run run, List<StepResult> results, List<String> lines) {
        return List.of(new Effect.PublicComment(Messages.sent(s.help())), new Effect.PrivateNote(Notes.done(run.approvers(), lines)));
    }
}
