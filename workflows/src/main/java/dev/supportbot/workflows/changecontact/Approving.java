package dev.supportbot.workflows.changecontact;

import dev.supportbot.workflows.changecontact.ChangeContactState.AwaitingApproval;
import dev.supportbot.workflows.changecontact.ChangeContactState.Expired;
import dev.supportbot.workflows.changecontact.ChangeContactState.Handoff;
import dev.supportbot.workflows.changecontact.ChangeContactState.NeedsHuman;
import dev.supportbot.workflows.changecontact.ChangeContactState.Rejected;
import dev.supportbot.workflows.changecontact.ChangeContactState.Wait;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Effect.UpdateApproval.Phase;
import dev.supportbot.workflows.engine.Event.ApprovalDecided;
import dev.supportbot.workflows.engine.Event.EffectFailed;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.Event.ReminderDue;
import dev.supportbot.workflows.engine.Facts;
import java.util.ArrayList;
import java.util.List;

/** While the plan waits for the approvers: the approval's id comes back, they decide (on this plan only), or it expires. */
final class Approving {
    private Approving() {}

    static Decision<ChangeContactState> requested(AwaitingApproval s, EffectSucceeded e, Facts facts, Context ctx) {
        if (!Proposing.APPROVAL_KEY.equals(e.effectKey()) || s.approvalId() != null) return Decision.unchanged(s);
        String id = e.result().get(Effect.RequestApproval.APPROVAL_ID);
        if (id == null || !id.trim().matches("\\d{1,18}")) return notPosted(s, "no approval id in the result", ctx);
        return Decision.of(s.withApprovalId(Long.parseLong(id.trim())));
    }

    static Decision<ChangeContactState> requestFailed(AwaitingApproval s, EffectFailed e, Facts facts, Context ctx) {
        if (!Proposing.APPROVAL_KEY.equals(e.effectKey()) || s.approvalId() != null) return Decision.unchanged(s);
        return notPosted(s, e.reason(), ctx);
    }

    /** Acts only on the plan held here: same hash, and the same approval once its id is known. */
    static Decision<ChangeContactState> decided(AwaitingApproval s, ApprovalDecided e, Facts facts, Context ctx) {
        if (!s.planHash().equals(e.planHash())) return Decision.unchanged(s);
        if (s.approvalId() != null && s.approvalId() != e.approvalId()) return Decision.unchanged(s);
        if (e.approved()) {
            if (e.approvers().isEmpty()) return Decision.unchanged(s);
            return Execution.start(s, e.approvalId(), e.approvers());
        }
        String by = e.approvers().isEmpty() ? "an approver" : String.join(", ", e.approvers());
        return Decision.of(new Rejected(s.ticketId(), s.subscriptionName(), e.approvalId(), by, ctx.now()),
                new Effect.CancelReminders(),
                new Effect.UpdateApproval(e.approvalId(), Phase.REJECTED, List.of(Notes.rejectedLine(by, e.reason())), null),
                new Effect.PrivateNote(Notes.rejected(by, e.reason())));
    }

    static Decision<ChangeContactState> expire(AwaitingApproval s, ReminderDue e, Facts facts, Context ctx) {
        if (e.sequence() != ChangeContactSettings.APPROVAL_EXPIRY) return Decision.unchanged(s);
        if (ctx.now().isBefore(s.expiresAt().minus(ctx.policy().clockSkew()))) return Decision.unchanged(s);
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.CancelReminders());
        if (s.approvalId() != null) {
            effects.add(new Effect.UpdateApproval(s.approvalId(), Phase.EXPIRED, List.of(Notes.expiredLine()), null));
        }
        effects.add(new Effect.PrivateNote(Notes.approvalExpired(ctx.setting(ChangeContactSettings.APPROVAL_TTL))));
        return Decision.of(new Expired(s.ticketId(), s.subscriptionName(), Wait.APPROVAL, ctx.now()), effects);
    }

    private static Decision<ChangeContactState> notPosted(AwaitingApproval s, String reason, Context ctx) {
        return Decision.of(new NeedsHuman(s.ticketId(), s.subscriptionName(), Handoff.APPROVAL_NOT_POSTED, ctx.now()),
                new Effect.CancelReminders(),
                new Effect.PrivateNote(Notes.handoff(Handoff.APPROVAL_NOT_POSTED, reason)));
    }
}
