package dev.supportbot.workflows.ownership;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The persisted state of one ownership verification. Holds ids, names and derived facts only: never a comment
 * body, a secret, or the Sold To contact's name or address.
 *
 * <p>There is no resting "proof received" state: the facts a proof needs are fetched before {@code decide}, so a
 * proof is received and checked in one transition (the accepted one is recorded as {@link Evidence}).
 */
public sealed interface OwnershipState {

    /** A new instance, before the start tag was seen. */
    @JsonTypeName("Requested")
    record Requested() implements OwnershipState {}

    /** The requester was asked for the subscription name. */
    @JsonTypeName("AwaitingSubscription")
    record AwaitingSubscription(long ticketId, Instant askedAt, int remindersSent, Set<Long> handledCommentIds)
            implements OwnershipState, Waiting {
        public AwaitingSubscription {
            handledCommentIds = Set.copyOf(handledCommentIds);
        }

        public AwaitingSubscription withHandled(Collection<Long> commentIds) {
            return new AwaitingSubscription(ticketId, askedAt, remindersSent, union(handledCommentIds, commentIds));
        }

        @Override
        public AwaitingSubscription withRemindersSent(int sent) {
            return new AwaitingSubscription(ticketId, askedAt, sent, handledCommentIds);
        }
    }

    /**
     * The requester was asked for one proof; the Sold To contact may have been asked to approve.
     *
     * @param namespace            the SaaS namespace, null for self-managed
     * @param invoiceOwnerZuoraId  for reseller purchases, the reseller's invoice-owner account; else null
     */
    @JsonTypeName("AwaitingProof")
    record AwaitingProof(long ticketId, String subscriptionName, long billingAccountId, String namespace,
                         String invoiceOwnerZuoraId, SoldToRequest soldTo, Instant askedAt, int remindersSent,
                         Set<Long> handledCommentIds) implements OwnershipState, Waiting {
        public AwaitingProof {
            handledCommentIds = Set.copyOf(handledCommentIds);
        }

        public AwaitingProof withHandled(Collection<Long> commentIds) {
            return new AwaitingProof(ticketId, subscriptionName, billingAccountId, namespace, invoiceOwnerZuoraId,
                    soldTo, askedAt, remindersSent, union(handledCommentIds, commentIds));
        }

        public AwaitingProof withSoldTo(SoldToRequest request) {
            return new AwaitingProof(ticketId, subscriptionName, billingAccountId, namespace, invoiceOwnerZuoraId,
                    request, askedAt, remindersSent, handledCommentIds);
        }

        @Override
        public AwaitingProof withRemindersSent(int sent) {
            return new AwaitingProof(ticketId, subscriptionName, billingAccountId, namespace, invoiceOwnerZuoraId,
                    soldTo, askedAt, sent, handledCommentIds);
        }
    }

    @JsonTypeName("Verified")
    record Verified(long ticketId, String subscriptionName, Evidence evidence, Instant at) implements OwnershipState {}

    @JsonTypeName("Rejected")
    record Rejected(long ticketId, String subscriptionName, String reason, Instant at) implements OwnershipState {}

    /**
     * Parked with Legal & Compliance. {@code issueUrl} is null until the issue exists; {@code issueFailure} says
     * why it could not be opened, if so. {@code soldToTicketId}: the approval request to the Sold To contact that was
     * still open when the case was escalated (told the outcome at the end), else null.
     */
    @JsonTypeName("Escalated")
    record Escalated(long ticketId, String subscriptionName, String agent, String issueUrl, String issueFailure,
                     Instant at, Long soldToTicketId) implements OwnershipState {
        public Escalated(long ticketId, String subscriptionName, String agent, String issueUrl, String issueFailure, Instant at) {
            this(ticketId, subscriptionName, agent, issueUrl, issueFailure, at, null);
        }

        public Escalated withIssueUrl(String url) {
            return new Escalated(ticketId, subscriptionName, agent, url, null, at, soldToTicketId);
        }

        public Escalated withIssueFailure(String reason) {
            return new Escalated(ticketId, subscriptionName, agent, null, reason, at, soldToTicketId);
        }
    }

    @JsonTypeName("Expired")
    record Expired(long ticketId, String subscriptionName, Instant at) implements OwnershipState {}

    @JsonTypeName("Cancelled")
    record Cancelled(long ticketId, String subscriptionName, String agent, Instant at) implements OwnershipState {}

    /** What was accepted as proof: the kind and ids or numbers (never a secret). */
    record Evidence(ProofKind kind, String detail) {}

    /** The approval request to the Sold To contact (a separate ticket). */
    record SoldToRequest(Status status, Long ticketId) {
        public enum Status {
            /** The effect was emitted; the ticket id comes back as an effect result. */
            OPENING,
            OPEN,
            FAILED,
            /** Not sent: the requester is the Sold To contact and can approve on their own ticket. */
            REQUESTER_IS_SOLD_TO,
            /** Not sent: the Sold To address is a staff address, whose approval would not count. */
            SOLD_TO_IS_STAFF,
            /** Not sent: the billing account has no Sold To address. */
            NO_SOLD_TO_ADDRESS
        }

        public static SoldToRequest of(Status status) {
            return new SoldToRequest(status, null);
        }

        public boolean openAs(long linkedTicketId) {
            return status == Status.OPEN && ticketId != null && ticketId == linkedTicketId;
        }

        /** The id of the open approval request ticket, or null when none is open. */
        public static Long openTicket(SoldToRequest request) {
            return request != null && request.status == Status.OPEN ? request.ticketId : null;
        }
    }

    /** A state in which the requester owes an answer and reminders run. */
    interface Waiting {
        long ticketId();

        Instant askedAt();

        int remindersSent();

        OwnershipState withRemindersSent(int sent);
    }

    private static Set<Long> union(Set<Long> a, Collection<Long> b) {
        Set<Long> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
