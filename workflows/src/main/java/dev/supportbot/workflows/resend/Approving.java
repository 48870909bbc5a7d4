package dev.supportbot.workflows.resend;

import dev.supportbot.workflows.approved.ApprovalGate;
import dev.supportbot.workflows.approved.GatePlug;
import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.approved.StepResult;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.plan.PortalChange;
import dev.supportbot.workflows.resend.ResendLicenseState.Done;
import dev.supportbot.workflows.resend.ResendLicenseState.Expired;
import dev.supportbot.workflows.resend.ResendLicenseState.Gate;
import dev.supportbot.workflows.resend.ResendLicenseState.GateEnd;
import dev.supportbot.workflows.resend.ResendLicenseState.Handoff;
import dev.supportbot.workflows.resend.ResendLicenseState.NeedsHuman;
import java.util.List;

/** A resend through the approval gate; once the portal sent it, the requester is told. */
final class Approving extends GatePlug<ResendLicenseState, Gate> {
    static final ApprovalGate<ResendLicenseState, Gate, Gate, Gate> GATE = ApprovalGate.of(Gate.class, new Approving(),
            new ApprovalGate.Terms(ResendSettings.APPROVAL_TTL, ctx -> 1, ResendSettings.APPROVAL_EXPIRY, Notes.WORDS));

    private Approving() {
        super((g, phase) -> new Gate(g.ticketId(), g.ownership(), phase), new Ends<>(Done::new, GateEnd::new, Expired::new,
                (ticketId, subscription, at) -> new NeedsHuman(ticketId, subscription, Handoff.APPROVAL_NOT_POSTED, at)));
    }

    @Override
    public List<Effect> told(Gate s, Gated.Run run, List<StepResult> results, List<String> lines) {
        String subscription = s.ownership().subscriptionName();
        boolean code = run.plan().changes().stream().anyMatch(PortalChange.ResendActivationCode.class::isInstance);
        return List.of(new Effect.PublicComment(Messages.sent(subscription, code)),
                new Effect.PrivateNote(Notes.done(subscription, run.approvers(), lines)));
    }
}
