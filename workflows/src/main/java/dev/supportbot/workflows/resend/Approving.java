package dev.supportbot.workflows.resend;

import dev.supportbot.workflows.approved.ApprovalGate;
import dev.supportbot.workflows.approved.GatePlug;
import dev.supportbot.workflows.approved.StepResult;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.ownership.VerifiedOwnership;
import dev.supportbot.workflows.plan.PortalChange;
import dev.supportbot.workflows.resend.ResendLicenseState.AwaitingApproval;
import dev.supportbot.workflows.resend.ResendLicenseState.Cancelled;
import dev.supportbot.workflows.resend.ResendLicenseState.Done;
import dev.supportbot.workflows.resend.ResendLicenseState.Executing;
import dev.supportbot.workflows.resend.ResendLicenseState.Expired;
import dev.supportbot.workflows.resend.ResendLicenseState.Failed;
import dev.supportbot.workflows.resend.ResendLicenseState.HandedToBilling;
import dev.supportbot.workflows.resend.ResendLicenseState.Handoff;
import dev.supportbot.workflows.resend.ResendLicenseState.NeedsHuman;
import dev.supportbot.workflows.resend.ResendLicenseState.Gate;
import dev.supportbot.workflows.resend.ResendLicenseState.Rejected;
import java.util.List;

/** A resend through the approval gate; once the portal sent it, the requester is told. */
final class Approving extends GatePlug<ResendLicenseState, Gate, VerifiedOwnership, AwaitingApproval, Executing, Failed> {
    static final ApprovalGate<ResendLicenseState, AwaitingApproval, Executing, Failed> GATE = new ApprovalGate<>(
            AwaitingApproval.class, Executing.class, Failed.class, new Approving(),
            new ApprovalGate.Terms(ResendSettings.APPROVAL_TTL, ctx -> 1, ResendSettings.APPROVAL_EXPIRY, Notes.WORDS));

    private Approving() {
        super(Gate::ownership, AwaitingApproval::new, Executing::new, Failed::new, new Ends<>(Done::new, HandedToBilling::new,
                Rejected::new, Expired::new,
                (ticketId, subscription, at) -> new NeedsHuman(ticketId, subscription, Handoff.APPROVAL_NOT_POSTED, at),
                Cancelled::new));
    }

    @Override
    public List<Effect> told(Executing s, List<StepResult> results, List<String> lines) {
        String subscription = s.ownership().subscriptionName();
        boolean code = s.plan().changes().stream().anyMatch(PortalChange.ResendActivationCode.class::isInstance);
        return List.of(new Effect.PublicComment(Messages.sent(subscription, code)),
                new Effect.PrivateNote(Notes.done(subscription, s.run().approvers(), lines)));
    }
}
