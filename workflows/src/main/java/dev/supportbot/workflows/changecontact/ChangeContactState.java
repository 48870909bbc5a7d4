package dev.supportbot.workflows.changecontact;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.engine.OnSubscription;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The persisted state of one change of the subscription management contact. Holds ids, the requester's name and
 * email (the new contact), the subscription and the plan (whose facts name the previous contact, which is fine in the
 * bot's database); never a comment body, a secret or a free text someone typed.
 */
public sealed interface ChangeContactState {

    /**
     * A new instance, before its first event; {@code removeEmail} is the address whose membership
     * {@code /lnr remove-membership TICKET EMAIL} removes, null for a change of the contact.
     */
    @JsonTypeName("Requested")
    record Requested(String removeEmail) implements ChangeContactState {}

    /**
     * The self-service instructions were posted; the requester is expected to report that they changed the contact
     * themselves, or that the portal answered "Email has already been taken". {@code subscriptionName} is the one the
     * ticket names (null: none), which the check after a self-service change needs.
     */
    @JsonTypeName("AwaitingSelfService")
    record AwaitingSelfService(long ticketId, Requester requester, String subscriptionName, Instant askedAt,
                               int remindersSent) implements ChangeContactState, Gated.Open, OnSubscription {
        AwaitingSelfService withRemindersSent(int sent) {
            return new AwaitingSelfService(ticketId, requester, subscriptionName, askedAt, sent);
        }
    }

    /** Support-assisted: ownership is not verified on the ticket yet; a verification runs first. */
    @JsonTypeName("AwaitingOwnership")
    record AwaitingOwnership(long ticketId, Requester requester, String removeEmail, Instant since)
            implements ChangeContactState, Gated.Open {}

    /**
     * A {@code Continue(factsKey)} was emitted so that the next decision has the plan's facts; {@code leaveOtherAccount}:
     * the requester agreed to stop managing the billing account they are a member of, so the plan removes that first.
     */
    @JsonTypeName("Planning")
    record Planning(long ticketId, Requester requester, String subscriptionName, Path path, String proof, String removeEmail,
                    boolean leaveOtherAccount, String factsKey) implements ChangeContactState, Gated.Open, OnSubscription {}

    /**
     * Support-assisted, existing user: the requester's portal account manages another billing account, and they were
     * asked (publicly) whether to stop managing it. {@code askedAgain}: an unclear answer was asked about once more;
     * {@code handledCommentIds} are the replies already read.
     */
    @JsonTypeName("AwaitingAnswer")
    record AwaitingAnswer(long ticketId, Requester requester, String subscriptionName, String proof, Instant askedAt,
                          int remindersSent, boolean askedAgain, Set<Long> handledCommentIds)
            implements ChangeContactState, Gated.Open, OnSubscription {
        public AwaitingAnswer {
            handledCommentIds = Set.copyOf(handledCommentIds);
        }

        AwaitingAnswer withRemindersSent(int sent) {
            return new AwaitingAnswer(ticketId, requester, subscriptionName, proof, askedAt, sent, askedAgain, handledCommentIds);
        }

        AwaitingAnswer withQuestionRepeated(Collection<Long> handled) {
            Set<Long> all = new HashSet<>(handledCommentIds);
            all.addAll(handled);
            return new AwaitingAnswer(ticketId, requester, subscriptionName, proof, askedAt, remindersSent, true, all);
        }
    }

    /** The plan in the approval gate: waiting for the approvers, running step by step, or failed at a step ({@link Gated.Phase}). */
    record Gate(long ticketId, Requester requester, String subscriptionName, Path path, @JsonUnwrapped Gated.Phase phase)
            implements ChangeContactState, Gated.InGate, OnSubscription {}

    // ---- final states

    /** The requester is the subscription's management contact; {@code approvalId} null when no plan was needed. */
    @JsonTypeName("Done")
    record Done(long ticketId, String subscriptionName, Path path, Long approvalId, Instant at)
            implements ChangeContactState, OnSubscription {}

    /** An end the approval gate came to by itself ({@link Gated.End}): handed to the Billing team, rejected, or cancelled. */
    record GateEnd(@JsonUnwrapped Gated.End end) implements ChangeContactState, Gated.Ending {}

    /** The requester prefers to keep managing their current subscriptions: nothing was changed. */
    @JsonTypeName("Declined")
    record Declined(long ticketId, String subscriptionName, Instant at) implements ChangeContactState, OnSubscription {}

    /** The ownership verification the support-assisted path needs ended without verifying. */
    @JsonTypeName("NotVerified")
    record NotVerified(long ticketId, String result, Instant at) implements ChangeContactState {}

    /** No plan: a person must decide (the note on the ticket says why). Nothing was changed. */
    @JsonTypeName("NeedsHuman")
    record NeedsHuman(long ticketId, String subscriptionName, Handoff why, Instant at) implements ChangeContactState, OnSubscription {}

    /** The requester did not report back or answer, or the approvers did not decide, in time. */
    @JsonTypeName("Expired")
    record Expired(long ticketId, String subscriptionName, Wait waitedFor, Instant at) implements ChangeContactState, OnSubscription {}

    // ---- parts

    /** The ticket's requester: the person who becomes the subscription management contact. */
    record Requester(String name, String email) {}

    /**
     * Which way the change goes: checked after the requester's own change; support-assisted, decided by a customer
     * search on the requester's email before any contact is touched; or a membership removal alone.
     */
    enum Path {
        SELF_SERVICE("self-service"),
        SUPPORT_ASSISTED("support-assisted"),
        /** Not a change of the contact: one membership removed ({@code /lnr remove-membership}). */
        REMOVE_MEMBERSHIP("membership removed");

        private final String words;

        Path(String words) {
            this.words = words;
        }

        String words() {
            return words;
        }
    }

    enum Handoff {
        NO_REQUESTER_EMAIL,
        NO_SUBSCRIPTION,
        NO_BILLING_ACCOUNT,
        /** The requester's answer to "stop managing your current subscriptions?" stayed unclear after asking twice. */
        UNCLEAR_ANSWER,
        /** The requester's name is not a first and a last name, which the non-existing user path needs. */
        NO_FULL_NAME,
        NO_PLAN,
        /** The requester writes from the reseller's domain: a reseller never becomes a member or the Sold To. */
        RESELLER_REQUESTER,
        APPROVAL_NOT_POSTED
    }

    enum Wait { SELF_SERVICE, ANSWER, APPROVAL }
}
