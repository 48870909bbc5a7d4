package dev.supportbot.workflows.addcontact;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.engine.OnSubscription;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The persisted state of one add-contact run. Holds ids, names, the requester's own email and the plan (whose facts
 * name the billing account's contacts, which is fine in the bot's database); never a comment body, a secret, a free
 * text someone typed, or the Sold To contact's address outside the plan.
 */
public sealed interface AddContactState {

    /** A new instance, before its first event. */
    @JsonTypeName("Requested")
    record Requested() implements AddContactState {}

    /** Ownership is not verified on the ticket yet; a verification runs (started by this run or already running). */
    @JsonTypeName("AwaitingOwnership")
    record AwaitingOwnership(long ticketId, String requesterEmail, Instant since) implements AddContactState, Gated.Open {}

    /**
     * Ownership is verified; a {@code Continue(factsKey)} was emitted so that the next decision has the plan's facts.
     *
     * @param leaveOtherAccount the requester agreed to stop managing the billing account they are a member of now
     */
    @JsonTypeName("Planning")
    record Planning(long ticketId, String requesterEmail, Verification verification, boolean leaveOtherAccount,
                    String factsKey) implements AddContactState, Verified {}

    /** The requester manages another billing account and was asked whether to stop managing it. */
    @JsonTypeName("AwaitingAnswer")
    record AwaitingAnswer(long ticketId, String requesterEmail, Verification verification, Instant askedAt,
                          int remindersSent, boolean askedAgain, Set<Long> handledCommentIds) implements AddContactState, Verified {
        public AwaitingAnswer {
            handledCommentIds = Set.copyOf(handledCommentIds);
        }

        AwaitingAnswer withRemindersSent(int sent) {
            return new AwaitingAnswer(ticketId, requesterEmail, verification, askedAt, sent, askedAgain, handledCommentIds);
        }

        AwaitingAnswer withQuestionRepeated(Collection<Long> handled) {
            return new AwaitingAnswer(ticketId, requesterEmail, verification, askedAt, remindersSent, true, union(handled));
        }

        private Set<Long> union(Collection<Long> more) {
            Set<Long> all = new HashSet<>(handledCommentIds);
            all.addAll(more);
            return all;
        }
    }

    /**
     * The requester has no Customers Portal account: they were asked to sign up. Each reply of theirs and each reminder
     * reads the customer records again; once theirs exists, the run plans as usual.
     */
    @JsonTypeName("AwaitingSignUp")
    record AwaitingSignUp(long ticketId, String requesterEmail, Verification verification, Instant askedAt,
                          int remindersSent) implements AddContactState, Verified {
        AwaitingSignUp withRemindersSent(int sent) {
            return new AwaitingSignUp(ticketId, requesterEmail, verification, askedAt, sent);
        }
    }

    /** The plan in the approval gate: waiting for the approvers, running step by step, or failed at a step ({@link Gated.Phase}). */
    record Gate(long ticketId, Verification verification, @JsonUnwrapped Gated.Phase phase)
            implements AddContactState, Verified, Gated.InGate {}

    // ---- final states

    /** Every step ran: the requester manages the subscription. */
    @JsonTypeName("Done")
    record Done(@JsonUnwrapped Gated.Approval approval) implements AddContactState, Gated.Approved {}

    /** An end the approval gate came to by itself ({@link Gated.End}): handed to the Billing team, rejected, or cancelled. */
    record GateEnd(@JsonUnwrapped Gated.End end) implements AddContactState, Gated.Ending {}

    /** The ownership verification this run waited for ended without verifying (its {@code result}). */
    @JsonTypeName("NotVerified")
    record NotVerified(long ticketId, String ownershipResult, Instant at) implements AddContactState {}

    /** The requester prefers to keep managing their current subscriptions. */
    @JsonTypeName("Declined")
    record Declined(long ticketId, String subscriptionName, Instant at) implements AddContactState, OnSubscription {}

    /** The requester already manages the billing account with login on. */
    @JsonTypeName("NothingToDo")
    record NothingToDo(long ticketId, String subscriptionName, Instant at) implements AddContactState, OnSubscription {}

    /** No plan: a person must go on (the note on the ticket says why). */
    @JsonTypeName("NeedsHuman")
    record NeedsHuman(long ticketId, String subscriptionName, Handoff why, Instant at) implements AddContactState, OnSubscription {}

    /** The requester did not answer, or the approvers did not decide, in time. */
    @JsonTypeName("Expired")
    record Expired(long ticketId, String subscriptionName, Wait waitedFor, Instant at) implements AddContactState, OnSubscription {}

    // ---- parts

    /** An open state after ownership was verified: its subscription is the verified one. */
    interface Verified extends Gated.Open, OnSubscription {
        Verification verification();

        @Override
        default String subscriptionName() {
            return verification().subscriptionName();
        }
    }

    /** What the ownership verification on the ticket established: the subscription and the kind of proof. */
    record Verification(String subscriptionName, String proof) {}

    /** How far each step of an approved plan got. */
    enum Handoff {
        /** The requester has no customer record. */
        NO_CUSTOMER_RECORD,
        /** The requester's login was switched off after their customer record was created, maybe on purpose. */
        LOGIN_SWITCHED_OFF,
        /** The subscription or its billing account is not in the portal. */
        NO_BILLING_ACCOUNT,
        /** Every order of steps the planner knows would end wrong. */
        NO_SAFE_ORDER,
        /** The approval request could not be posted. */
        APPROVAL_NOT_POSTED,
        /** The requester's answer stayed unclear after asking twice. */
        UNCLEAR_ANSWER,
        /** The requester writes from the reseller's domain: a reseller is never made a member. */
        RESELLER_REQUESTER,
        /** The ticket has no requester email to look up. */
        NO_REQUESTER_EMAIL
    }

    enum Wait { REQUESTER_ANSWER, APPROVAL, SIGN_UP }

}
