package dev.supportbot.workflows.changecontact;

import dev.supportbot.workflows.approved.ApprovalGate;
import dev.supportbot.workflows.approved.GatePlug;
import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.approved.StepResult;
import dev.supportbot.workflows.changecontact.ChangeContactState.Done;
import dev.supportbot.workflows.changecontact.ChangeContactState.Expired;
import dev.supportbot.workflows.changecontact.ChangeContactState.Gate;
import dev.supportbot.workflows.changecontact.ChangeContactState.GateEnd;
import dev.supportbot.workflows.changecontact.ChangeContactState.Handoff;
import dev.supportbot.workflows.changecontact.ChangeContactState.NeedsHuman;
import dev.supportbot.workflows.changecontact.ChangeContactState.Path;
import dev.supportbot.workflows.changecontact.ChangeContactState.Wait;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.PortalChange;
import java.util.List;

/**
 * A change of the contact through the approval gate, with as many approvers as {@code change_contact.approvers} asks
 * for; when the last step is done the requester is told on their ticket.
 */
final class Approving extends GatePlug<ChangeContactState, Gate> {
    static final ApprovalGate<ChangeContactState, Gate, Gate, Gate> GATE = ApprovalGate.of(Gate.class, new Approving(),
            new ApprovalGate.Terms(ChangeContactSettings.APPROVAL_TTL, ctx -> ctx.setting(ChangeContactSettings.APPROVERS),
                    ChangeContactSettings.APPROVAL_EXPIRY, Notes.WORDS));

    private Approving() {
        super((g, phase) -> new Gate(g.ticketId(), g.requester(), g.subscriptionName(), g.path(), phase), new Ends<>(
                (g, a) -> new Done(a.ticketId(), a.subscriptionName(), g.path(), a.approvalId(), a.at()), GateEnd::new,
                (ticketId, subscription, at) -> new Expired(ticketId, subscription, Wait.APPROVAL, at),
                (ticketId, subscription, at) -> new NeedsHuman(ticketId, subscription, Handoff.APPROVAL_NOT_POSTED, at)));
    }

    @Override
    public List<Effect> told(Gate s, Gated.Run run, List<StepResult> results, List<String> lines) {
        boolean signInLink = run.plan().changes().stream().anyMatch(c -> c instanceof PortalChange.SendSignInLink);
        return List.of(
                new Effect.PublicComment(s.path() == Path.REMOVE_MEMBERSHIP ? Messages.membershipRemoved(s.subscriptionName())
                        : Messages.done(s.subscriptionName(), signInLink, leftOtherAccount(run.plan()))),
                new Effect.PrivateNote(Notes.done(s.subscriptionName(), run.approvers(), lines)));
    }

    /** The plan removes a membership of another billing account first: the requester agreed to leave it. */
    private static boolean leftOtherAccount(Plan plan) {
        return plan.changes().stream().anyMatch(c -> c instanceof PortalChange.DeleteMembership d
                && d.billingAccountId() != plan.goal().billingAccountId());
    }
}
