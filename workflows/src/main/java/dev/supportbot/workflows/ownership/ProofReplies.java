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
import dev.supportbot.workflows.engine.Person;
import dev.supportbot.workflows.engine.SignOff;
import dev.supportbot.workflows.ownership.OwnershipState.AwaitingProof;
import dev.supportbot.workflows.ownership.OwnershipState.Evidence;
import dev.supportbot.workflows.ownership.OwnershipState.SoldToRequest;
import dev.supportbot.workflows.ownership.Verdict.Accepted;
import dev.supportbot.workflows.ownership.Verdict.Refused;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * New comments on the requester's ticket while proof is awaited. Requester comments are checked; for reseller
 * purchases, comments by others (the reseller in copy) are checked too but can only verify, never draw a
 * refusal: so the bot's own comments can never set off a reply. What the rules ignore without telling the
 * requester gets a private note, once per comment: a staff member's vouch, the Bill To contact's approval in copy,
 * a pasted JSON that is not the gitlab_subscription response.
 */
final class ProofReplies {
    private ProofReplies() {}

    static List<FactRequest<?>> factsNeeded(AwaitingProof s, TicketUpdated e) {
        List<Comment> comments = relevant(s, e);
        if (comments.isEmpty() && bystanders(s, e, body -> false).isEmpty()) return List.of();
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
        List<Comment> bystanders = bystanders(s, e, body -> SignOff.isSigned(body, ctx));
        if (comments.isEmpty() && bystanders.isEmpty()) return Decision.unchanged(s);
        AwaitingProof seen = s.withHandled(e.newComments().stream().map(Comment::id).toList());
        VerificationCase c = currentCase(s, facts);
        if (c == null) return Decision.of(seen, new Effect.PrivateNote(InternalNotes.accountMissing(s.subscriptionName())));

        Set<Refusal> refusals = new LinkedHashSet<>();
        List<Effect> effects = new ArrayList<>();
        for (Comment comment : comments) {
            List<Verdict> verdicts = ProofRules.check(comment, c, e.ticket().requester(), facts, ctx);
            for (Verdict v : verdicts) {
                if (v instanceof Accepted a) {
                    return Outcomes.verified(s.ticketId(), s.subscriptionName(), new Evidence(a.kind(), a.detail()),
                            SoldToRequest.openTicket(s.soldTo()), null, ctx);
                }
                if (comment.byRequester() && v instanceof Refused r) refusals.add(r.reason());
            }
            resellerNotVouching(comment, verdicts, c, e.ticket().requester(), ctx).ifPresent(effects::add);
        }
        if (!refusals.isEmpty()) {
            boolean soldToAsked = s.soldTo().status() == SoldToRequest.Status.OPENING
                    || s.soldTo().status() == SoldToRequest.Status.OPEN
                    || s.soldTo().status() == SoldToRequest.Status.REQUESTER_IS_SOLD_TO;
            effects.add(new Effect.PublicComment(
                    Messages.refused(refusals, ProofOptions.fitting(c, soldToAsked), ctx.policy().invoiceMaxAge())));
        }
        for (Comment comment : comments) {
            if (comment.byRequester() && CommentClassifier.unrecognisedJson(comment.body())) {
                effects.add(new Effect.PrivateNote(InternalNotes.jsonNotRecognised(comment)));
            }
        }
        for (Comment comment : bystanders) ignoredVouch(comment, c, ctx).ifPresent(effects::add);
        return Decision.of(seen, effects);
    }

    /** A note when the reseller's comment verified nothing: what it said, and why it does not count. */
    private static Optional<Effect> resellerNotVouching(Comment comment, List<Verdict> verdicts, VerificationCase c,
                                                        Person requester, Context ctx) {
        String author = comment.author() == null ? null : comment.author().email();
        if (!c.fromReseller(author) || ctx.policy().isStaff(author) || SignOff.isSigned(comment.body(), ctx)) return Optional.empty();
        Optional<Refusal> vouchRefused = verdicts.stream()
                .filter(v -> v instanceof Refused r && r.kind() == ProofKind.RESELLER_VOUCH)
                .map(v -> ((Refused) v).reason()).findFirst();
        String reseller = c.account().reseller() == null ? "the reseller" : c.account().reseller().name();
        return Optional.of(new Effect.PrivateNote(InternalNotes.resellerDidNotVerify(comment, reseller,
                ResellerReplies.read(comment.body(), requester), vouchRefused.orElse(null))));
    }

    /** A note for a vouch or approval by someone whose word never counts here, if the comment is one. */
    private static Optional<Effect> ignoredVouch(Comment comment, VerificationCase c, Context ctx) {
        String author = comment.author() == null ? null : comment.author().email();
        if (ctx.policy().isStaff(author)) {
            return SignOff.isSigned(comment.body(), ctx) || !CommentClassifier.vouches(comment.body()) ? Optional.empty()
                    : Optional.of(new Effect.PrivateNote(InternalNotes.staffVouchIgnored(comment)));
        }
        if (c.isSeparateBillTo(author) && ApprovalReplies.read(comment.body()) == ApprovalReplies.Reply.APPROVE) {
            return Optional.of(new Effect.PrivateNote(InternalNotes.billToApprovedHere(comment,
                    Messages.months(ctx.policy().invoiceMaxAge()))));
        }
        return Optional.empty();
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

    /**
     * New public comments by others than the requester that vouch or approve (the bot's own texts aside): never proof
     * by themselves here, but worth a note when a staff member or the Bill To contact wrote them. Deciding which facts
     * to read, the bot's own texts may count: reading facts that turn out unneeded is harmless.
     */
    private static List<Comment> bystanders(AwaitingProof s, TicketUpdated e, Predicate<String> ours) {
        return e.newComments().stream()
                .filter(c -> c.isPublic() && !c.byRequester() && !s.handledCommentIds().contains(c.id()))
                .filter(c -> CommentClassifier.vouches(c.body()) && !ours.test(c.body()))
                .toList();
    }

    private static List<Comment> relevant(AwaitingProof s, TicketUpdated e) {
        boolean othersMayVouch = s.invoiceOwnerZuoraId() != null;
        return e.newComments().stream()
                .filter(c -> c.isPublic() && !s.handledCommentIds().contains(c.id()))
                .filter(c -> c.byRequester() || othersMayVouch)
                .toList();
    }
}
