package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Subscription;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.ownership.OwnershipState.AwaitingProof;
import dev.supportbot.workflows.ownership.OwnershipState.Evidence;
import dev.supportbot.workflows.ownership.OwnershipState.SoldToRequest;
import dev.supportbot.workflows.ownership.Verdict.Accepted;
import dev.supportbot.workflows.ownership.Verdict.Refused;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * New comments on the requester's ticket while proof is awaited. Requester comments are checked; for reseller
 * purchases, comments by others (the reseller in copy) are checked too but can only verify, never draw a
 * refusal: so the bot's own comments can never set off a reply.
 */
final class ProofReplies {
    private ProofReplies() {}

    static List<FactRequest<?>> factsNeeded(AwaitingProof s, TicketUpdated e) {
        List<Comment> comments = relevant(s, e);
        if (comments.isEmpty()) return List.of();
        Set<FactRequest<?>> needed = new LinkedHashSet<>(baseFacts(s));
        for (Comment c : comments) {
            for (ProofCandidate candidate : CommentClassifier.classify(c)) {
                needed.addAll(ProofRules.factsFor(candidate, s.namespace(), s.invoiceOwnerZuoraId()));
            }
        }
        return List.copyOf(needed);
    }

    static Decision<OwnershipState> check(AwaitingProof s, TicketUpdated e, Facts facts, Context ctx) {
        List<Comment> comments = relevant(s, e);
        if (comments.isEmpty()) return Decision.unchanged(s);
        AwaitingProof seen = s.withHandled(e.newComments().stream().map(Comment::id).toList());
        VerificationCase c = currentCase(s, facts);
        if (c == null) return Decision.of(seen, new Effect.PrivateNote(InternalNotes.accountMissing(s.subscriptionName())));

        Set<Refusal> refusals = new LinkedHashSet<>();
        for (Comment comment : comments) {
            for (Verdict v : ProofRules.check(comment, c, facts, ctx)) {
                if (v instanceof Accepted a) {
                    return Outcomes.verified(s.ticketId(), s.subscriptionName(), new Evidence(a.kind(), a.detail()), s.soldTo(), ctx);
                }
                if (comment.byRequester() && v instanceof Refused r) refusals.add(r.reason());
            }
        }
        if (refusals.isEmpty()) return Decision.unchanged(seen);
        boolean soldToAsked = s.soldTo().status() == SoldToRequest.Status.OPENING
                || s.soldTo().status() == SoldToRequest.Status.OPEN
                || s.soldTo().status() == SoldToRequest.Status.REQUESTER_IS_SOLD_TO;
        return Decision.of(seen, new Effect.PublicComment(
                Messages.refused(refusals, ProofOptions.fitting(c, soldToAsked), ctx.policy().invoiceMaxAge())));
    }

    static List<FactRequest<?>> baseFacts(AwaitingProof s) {
        return List.of(
                new FactRequest.SubscriptionByName(s.subscriptionName()),
                new FactRequest.BillingAccountById(s.billingAccountId()),
                new FactRequest.CloudActivationOf(s.subscriptionName()));
    }

    /** The case as the portal sees it now, or null when the subscription or its account is gone. */
    static VerificationCase currentCase(AwaitingProof s, Facts facts) {
        Subscription subscription = facts.find(new FactRequest.SubscriptionByName(s.subscriptionName())).orElse(null);
        BillingAccount account = facts.find(new FactRequest.BillingAccountById(s.billingAccountId())).orElse(null);
        if (subscription == null || account == null) return null;
        var activation = facts.answers(new FactRequest.CloudActivationOf(s.subscriptionName()))
                ? facts.find(new FactRequest.CloudActivationOf(s.subscriptionName())).orElse(null) : null;
        BillingAccount invoiceOwner = null;
        if (s.invoiceOwnerZuoraId() != null) {
            var owner = new FactRequest.BillingAccountByZuoraId(s.invoiceOwnerZuoraId());
            if (facts.answers(owner)) invoiceOwner = facts.find(owner).orElse(null);
        }
        return new VerificationCase(subscription, account, activation, invoiceOwner);
    }

    private static List<Comment> relevant(AwaitingProof s, TicketUpdated e) {
        boolean othersMayVouch = s.invoiceOwnerZuoraId() != null;
        return e.newComments().stream()
                .filter(c -> c.isPublic() && !s.handledCommentIds().contains(c.id()))
                .filter(c -> c.byRequester() || othersMayVouch)
                .toList();
    }
}
