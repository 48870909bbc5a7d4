package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.CloudActivation;
import dev.supportbot.workflows.domain.Emails;
import dev.supportbot.workflows.domain.Subscription;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.Person;
import dev.supportbot.workflows.engine.Ticket;
import dev.supportbot.workflows.ownership.OwnershipState.AwaitingProof;
import dev.supportbot.workflows.ownership.OwnershipState.AwaitingSubscription;
import dev.supportbot.workflows.ownership.OwnershipState.Evidence;
import dev.supportbot.workflows.ownership.OwnershipState.Requested;
import dev.supportbot.workflows.ownership.OwnershipState.SoldToRequest;
import dev.supportbot.workflows.ownership.Verdict.Accepted;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * From the start tag to the request for proof: find the subscription (asking for its name if needed), then ask
 * for the proofs that fit it and ask the Sold To contact for approval in a separate ticket. Proof already given in
 * these first comments is accepted at once; refusals wait until the requester has seen the list of what fits.
 */
final class Starting {
    private Starting() {}

    // ---- Requested + TicketUpdated

    static List<FactRequest<?>> factsOnStart(Requested s, TicketUpdated e) {
        if (!e.ticket().hasTag(OwnershipTags.START)) return List.of();
        List<String> texts = new ArrayList<>(List.of(e.ticket().subject(), e.ticket().description()));
        e.newComments().forEach(c -> texts.add(c.body()));
        return SubscriptionNames.first(texts).map(name -> factsFor(name, e.newComments())).orElse(List.of());
    }

    static Decision<OwnershipState> start(Requested s, TicketUpdated e, Facts facts, Context ctx) {
        if (!e.ticket().hasTag(OwnershipTags.START)) return Decision.unchanged(s);
        List<String> texts = new ArrayList<>(List.of(e.ticket().subject(), e.ticket().description()));
        e.newComments().forEach(c -> texts.add(c.body()));
        Optional<String> name = SubscriptionNames.first(texts);
        List<Long> seen = ids(e.newComments());
        if (name.isPresent()) return withSubscription(name.get(), e.ticket(), e.newComments(), null, seen, facts, ctx);

        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.PublicComment(Messages.askForSubscriptionName()));
        effects.add(new Effect.AddTags(Set.of(OwnershipTags.AWAITING_SUBSCRIPTION)));
        effects.addAll(Outcomes.scheduleReminders(ctx));
        return Decision.of(new AwaitingSubscription(e.ticket().id(), ctx.now(), 0, Set.copyOf(seen)), effects);
    }

    // ---- AwaitingSubscription + TicketUpdated

    static List<FactRequest<?>> factsOnReply(AwaitingSubscription s, TicketUpdated e) {
        List<Comment> replies = newRequesterComments(s, e);
        return SubscriptionNames.first(replies.stream().map(Comment::body).toList())
                .map(name -> factsFor(name, replies)).orElse(List.of());
    }

    static Decision<OwnershipState> subscriptionReply(AwaitingSubscription s, TicketUpdated e, Facts facts, Context ctx) {
        List<Comment> replies = newRequesterComments(s, e);
        if (replies.isEmpty()) return Decision.unchanged(s);
        List<Long> seen = ids(e.newComments());
        Optional<String> name = SubscriptionNames.first(replies.stream().map(Comment::body).toList());
        if (name.isEmpty()) return Decision.unchanged(s.withHandled(seen));
        return withSubscription(name.get(), e.ticket(), replies, s, seen, facts, ctx);
    }

    // ---- shared

    private static List<FactRequest<?>> factsFor(String name, List<Comment> comments) {
        Set<FactRequest<?>> needed = new LinkedHashSet<>(List.of(
                new FactRequest.SubscriptionByName(name),
                new FactRequest.BillingAccountOfSubscription(name),
                new FactRequest.CloudActivationOf(name)));
        for (Comment c : comments) {
            if (!c.isPublic()) continue;
            for (ProofCandidate candidate : CommentClassifier.classify(c)) needed.addAll(ProofRules.factsFor(candidate, null, null));
        }
        return List.copyOf(needed);
    }

    /** @param waiting the state asking for the subscription name, or null when starting */
    private static Decision<OwnershipState> withSubscription(String name, Ticket ticket, List<Comment> comments,
                                                             AwaitingSubscription waiting, List<Long> seen,
                                                             Facts facts, Context ctx) {
        Subscription subscription = facts.find(new FactRequest.SubscriptionByName(name)).orElse(null);
        BillingAccount account = facts.find(new FactRequest.BillingAccountOfSubscription(name)).orElse(null);
        if (subscription == null || account == null) return subscriptionUnusable(name, ticket, waiting, seen, account == null && subscription != null, ctx);
        CloudActivation activation = facts.find(new FactRequest.CloudActivationOf(name)).orElse(null);
        VerificationCase c = new VerificationCase(subscription, account, activation, null);

        Optional<ResellerReplies.Reading> openingDoubt = openedByResellerInDoubt(ticket, comments, c, ctx);
        Optional<Accepted> early = proofGivenUpFront(ticket.requester(), openingDoubt.isEmpty(), comments, c, facts, ctx);
        if (early.isPresent()) {
            return Outcomes.verified(ticket.id(), subscription.name(),
                    new Evidence(early.get().kind(), early.get().detail()), null, null, ctx);
        }

        String requester = ticket.requester() == null ? null : ticket.requester().email();
        SoldToRequest.Status soldTo = soldToRequestFor(c, requester, ctx);
        Set<ProofKind> options = ProofOptions.fitting(c, soldTo == SoldToRequest.Status.OPENING
                || soldTo == SoldToRequest.Status.REQUESTER_IS_SOLD_TO);

        List<Effect> effects = new ArrayList<>();
        if (waiting != null) effects.add(new Effect.CancelReminders());
        effects.add(new Effect.PublicComment(Messages.askForProof(subscription.name(), options,
                soldTo == SoldToRequest.Status.REQUESTER_IS_SOLD_TO, ctx.policy().invoiceMaxAge())));
        if (waiting != null) effects.add(new Effect.RemoveTags(Set.of(OwnershipTags.AWAITING_SUBSCRIPTION)));
        effects.add(new Effect.AddTags(Set.of(OwnershipTags.AWAITING_PROOF)));
        // Before the approval request: the note that it is being opened must not follow the note that it was sent.
        effects.add(new Effect.PrivateNote(InternalNotes.started(subscription.name(), options, soldTo)));
        openingDoubt.ifPresent(reading -> effects.add(new Effect.PrivateNote(InternalNotes.resellerOpeningNotCounted(
                c.account().reseller() == null ? "the reseller" : c.account().reseller().name(), reading))));
        effects.addAll(Outcomes.scheduleReminders(ctx));
        if (soldTo == SoldToRequest.Status.OPENING) effects.add(approvalRequest(c, ticket));

        Set<Long> handled = new LinkedHashSet<>(seen);
        if (waiting != null) handled.addAll(waiting.handledCommentIds());
        AwaitingProof next = new AwaitingProof(ticket.id(), subscription.name(), account.id(),
                subscription.isSaas() ? subscription.namespace() : null,
                c.resellerPurchase() && account.reseller() != null ? account.reseller().invoiceOwnerAccountId() : null,
                SoldToRequest.of(soldTo), ctx.now(), 0, handled);
        return Decision.of(next, effects);
    }

    /**
     * A proof in the first comments, or the ticket itself opened by the reseller (handbook: "the reseller can
     * open a ticket") when {@code openingCounts}. Approval words do not count here: the Sold To contact's approval
     * must answer our request.
     */
    private static Optional<Accepted> proofGivenUpFront(Person requester, boolean openingCounts, List<Comment> comments,
                                                        VerificationCase c, Facts facts, Context ctx) {
        String email = requester == null ? null : requester.email();
        if (openingCounts && !ctx.policy().isStaff(email) && c.fromReseller(email)
                && ProofRules.resellerVouch(c, email, "ticket opened by the reseller") instanceof Accepted vouch) {
            return Optional.of(vouch);
        }
        for (Comment comment : comments) {
            if (!comment.isPublic()) continue;
            for (Verdict v : ProofRules.check(comment, c, requester, facts, ctx)) {
                if (v instanceof Accepted a && a.kind() != ProofKind.SOLD_TO_APPROVAL) return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * A ticket the reseller opens is its vouch, unless what it opened with reads as a refusal or a hedge ("we don't
     * know this person, can you check?"): then the reading, for a note to the agent.
     */
    private static Optional<ResellerReplies.Reading> openedByResellerInDoubt(Ticket ticket, List<Comment> comments,
                                                                            VerificationCase c, Context ctx) {
        String email = ticket.requester() == null ? null : ticket.requester().email();
        if (ctx.policy().isStaff(email) || !c.fromReseller(email)) return Optional.empty();
        List<String> opening = new ArrayList<>(List.of(ticket.description()));
        comments.stream().filter(x -> x.isPublic() && x.byRequester()).forEach(x -> opening.add(x.body()));
        for (String text : opening) {
            Optional<ResellerReplies.Reading> doubt = ResellerReplies.refusalOrHedge(text);
            if (doubt.isPresent()) return doubt;
        }
        return Optional.empty();
    }

    private static SoldToRequest.Status soldToRequestFor(VerificationCase c, String requester, Context ctx) {
        String soldTo = c.account().soldTo() == null ? null : c.account().soldTo().email();
        if (soldTo == null || soldTo.isBlank() || Emails.domainOf(soldTo).isEmpty()) return SoldToRequest.Status.NO_SOLD_TO_ADDRESS;
        if (ctx.policy().isStaff(soldTo)) return SoldToRequest.Status.SOLD_TO_IS_STAFF;
        if (c.isSoldTo(requester)) return SoldToRequest.Status.REQUESTER_IS_SOLD_TO;
        return SoldToRequest.Status.OPENING;
    }

    /** The only effect that carries the Sold To contact's name and address. */
    private static Effect approvalRequest(VerificationCase c, Ticket ticket) {
        var soldTo = c.account().soldTo();
        Person requester = ticket.requester();
        String requesterName = requester == null ? null : requester.name();
        String requesterDomain = requester == null ? "" : Emails.domainOf(requester.email());
        return new Effect.OpenSeparateTicket(OwnershipVerification.SOLD_TO_TICKET_KEY, soldTo.fullName(), soldTo.email(),
                Messages.soldToApprovalSubject(c.subscription().name()),
                Messages.soldToApprovalBody(soldTo.fullName(), c.subscription().name(), requesterName, requesterDomain, ticket.id()));
    }

    private static Decision<OwnershipState> subscriptionUnusable(String name, Ticket ticket, AwaitingSubscription waiting,
                                                                 List<Long> seen, boolean accountMissing, Context ctx) {
        List<Effect> effects = new ArrayList<>();
        AwaitingSubscription next;
        if (waiting == null) {
            next = new AwaitingSubscription(ticket.id(), ctx.now(), 0, Set.copyOf(seen));
            effects.add(new Effect.AddTags(Set.of(OwnershipTags.AWAITING_SUBSCRIPTION)));
        } else {
            next = waiting.withHandled(seen);
        }
        if (accountMissing) {
            // The portal's data is broken, not the customer's answer: a human has to look, no reminders.
            effects.add(new Effect.PrivateNote(InternalNotes.accountMissing(name)));
            effects.add(SlackPosts.effectFailed(ticket.id(), name, "find the billing account of " + name, "not in the portal", true));
            return Decision.of(next, effects);
        }
        effects.add(0, new Effect.PublicComment(Messages.subscriptionNotFound(name)));
        if (waiting == null) effects.addAll(Outcomes.scheduleReminders(ctx));
        return Decision.of(next, effects);
    }

    private static List<Comment> newRequesterComments(AwaitingSubscription s, TicketUpdated e) {
        return e.newComments().stream()
                .filter(c -> c.byRequester() && c.isPublic() && !s.handledCommentIds().contains(c.id()))
                .toList();
    }

    private static List<Long> ids(List<Comment> comments) {
        return comments.stream().map(Comment::id).toList();
    }
}
