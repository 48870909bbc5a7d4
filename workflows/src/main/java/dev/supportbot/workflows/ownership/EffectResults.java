package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.EffectFailed;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.ownership.OwnershipState.AwaitingProof;
import dev.supportbot.workflows.ownership.OwnershipState.Escalated;
import dev.supportbot.workflows.ownership.OwnershipState.SoldToRequest;

/** Results of the keyed effects; each is used once, a repeat or an unknown key does nothing. */
final class EffectResults {
    private EffectResults() {}

    static Decision<OwnershipState> soldToTicketOpened(AwaitingProof s, EffectSucceeded e, Facts f, Context ctx) {
        if (!OwnershipVerification.SOLD_TO_TICKET_KEY.equals(e.effectKey())
                || s.soldTo().status() != SoldToRequest.Status.OPENING) {
            return Decision.unchanged(s);
        }
        String id = e.result().get(Effect.OpenSeparateTicket.TICKET_ID);
        if (id == null || !id.trim().matches("\\d+")) return soldToTicketFailed(s, "no ticket id in the result", ctx);
        return Decision.of(s.withSoldTo(new SoldToRequest(SoldToRequest.Status.OPEN, Long.parseLong(id.trim()))),
                new Effect.PrivateNote(InternalNotes.soldToTicketOpened(id.trim())));
    }

    static Decision<OwnershipState> soldToTicketFailed(AwaitingProof s, EffectFailed e, Facts f, Context ctx) {
        if (!OwnershipVerification.SOLD_TO_TICKET_KEY.equals(e.effectKey())
                || s.soldTo().status() != SoldToRequest.Status.OPENING) {
            return Decision.unchanged(s);
        }
        return soldToTicketFailed(s, e.reason(), ctx);
    }

    private static Decision<OwnershipState> soldToTicketFailed(AwaitingProof s, String reason, Context ctx) {
        return Decision.of(s.withSoldTo(SoldToRequest.of(SoldToRequest.Status.FAILED)),
                new Effect.PrivateNote(InternalNotes.soldToTicketFailed(reason)),
                SlackPosts.effectFailed(s.ticketId(), s.subscriptionName(),
                        "open the approval request to the Sold To contact", reason, true));
    }

    static Decision<OwnershipState> escalationIssueOpened(Escalated s, EffectSucceeded e, Facts f, Context ctx) {
        String url = e.result().get(Effect.OpenEscalationIssue.ISSUE_URL);
        if (!OwnershipVerification.ESCALATION_KEY.equals(e.effectKey()) || s.issueUrl() != null || url == null) {
            return Decision.unchanged(s);
        }
        return Decision.of(s.withIssueUrl(url), new Effect.PrivateNote(InternalNotes.escalationIssueOpened(url)));
    }

    static Decision<OwnershipState> escalationIssueFailed(Escalated s, EffectFailed e, Facts f, Context ctx) {
        if (!OwnershipVerification.ESCALATION_KEY.equals(e.effectKey()) || s.issueUrl() != null || s.issueFailure() != null) {
            return Decision.unchanged(s);
        }
        return Decision.of(s.withIssueFailure(e.reason()),
                new Effect.PrivateNote(InternalNotes.escalationIssueFailed(e.reason())),
                SlackPosts.effectFailed(s.ticketId(), s.subscriptionName(), "open the escalation issue", e.reason(), false));
    }
}
