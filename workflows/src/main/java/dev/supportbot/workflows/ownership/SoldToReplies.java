package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.LinkedTicketUpdated;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.ownership.OwnershipState.AwaitingProof;
import dev.supportbot.workflows.ownership.OwnershipState.Evidence;
import java.util.ArrayList;
import java.util.List;

/** Replies on the separate approval ticket to the Sold To contact. Only the Sold To's own address counts. */
final class SoldToReplies {
    private SoldToReplies() {}

    static List<FactRequest<?>> factsNeeded(AwaitingProof s, LinkedTicketUpdated e) {
        if (replies(s, e).isEmpty()) return List.of();
        return List.of(new FactRequest.SubscriptionByName(s.subscriptionName()),
                new FactRequest.BillingAccountById(s.billingAccountId()));
    }

    static Decision<OwnershipState> reply(AwaitingProof s, LinkedTicketUpdated e, Facts facts, Context ctx) {
        List<Comment> replies = replies(s, e);
        if (replies.isEmpty()) return Decision.unchanged(s);
        AwaitingProof seen = s.withHandled(e.newComments().stream().map(Comment::id).toList());
        var subscription = facts.find(new FactRequest.SubscriptionByName(s.subscriptionName())).orElse(null);
        var account = facts.find(new FactRequest.BillingAccountById(s.billingAccountId())).orElse(null);
        if (subscription == null || account == null) {
            return Decision.of(seen, new Effect.PrivateNote(InternalNotes.accountMissing(s.subscriptionName())));
        }
        VerificationCase c = new VerificationCase(subscription, account, null, null);
        long ticket = e.linkedTicketId();
        List<Effect> notes = new ArrayList<>();
        for (Comment reply : replies) {
            switch (ProofRules.soldToReply(reply, c, ctx)) {
                case APPROVED -> {
                    return Outcomes.verified(s.ticketId(), s.subscriptionName(), new Evidence(ProofKind.SOLD_TO_APPROVAL,
                            "approval by the Sold To contact on ticket #" + ticket + reply.writtenOn()), ticket, null, ctx);
                }
                case DENIED -> {
                    return Outcomes.rejected(s.ticketId(), s.subscriptionName(),
                            "the Sold To contact declined on ticket #" + ticket + reply.writtenOn(), null, ticket, true, ctx);
                }
                case UNCLEAR -> notes.add(new Effect.PrivateNote(InternalNotes.soldToReplyUnclear(reply, ticket)));
                case FROM_BILL_TO -> notes.add(new Effect.PrivateNote(InternalNotes.billToReplied(reply, ticket)));
                case FROM_STAFF -> notes.add(new Effect.PrivateNote(InternalNotes.staffReplied(reply, ticket)));
                case NOT_FROM_SOLD_TO -> { }
            }
        }
        return Decision.of(seen, notes);
    }

    private static List<Comment> replies(AwaitingProof s, LinkedTicketUpdated e) {
        if (!s.soldTo().openAs(e.linkedTicketId())) return List.of();
        return e.newComments().stream()
                .filter(c -> c.isPublic() && !s.handledCommentIds().contains(c.id()))
                .toList();
    }
}
