package dev.supportbot.workflows.resend;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.engine.OnSubscription;
import dev.supportbot.workflows.ownership.VerifiedOwnership;
import java.time.Instant;

/**
 * The persisted state of one resend. Holds ids, the subscription, the verified requester's own address and the plan;
 * never a comment body, another address someone typed, a license text or an activation code.
 */
public sealed interface ResendLicenseState {

    /** A new instance, before its first event. */
    @JsonTypeName("Requested")
    record Requested() implements ResendLicenseState {}

    /** Ownership is not verified on the ticket yet; a verification runs (started by this run or already running). */
    @JsonTypeName("AwaitingOwnership")
    record AwaitingOwnership(long ticketId, String requesterEmail, Instant since) implements ResendLicenseState, Gated.Open {}

    /** Ownership is verified; a {@code Continue} lets the next decision have the plan's facts. */
    @JsonTypeName("Planning")
    record Planning(long ticketId, String requesterEmail, VerifiedOwnership ownership) implements ResendLicenseState, Verified {}

    /** The plan in the approval gate: waiting for the approvers, running step by step, or failed at a step ({@link Gated.Phase}). */
    record Gate(long ticketId, VerifiedOwnership ownership, @JsonUnwrapped Gated.Phase phase)
            implements ResendLicenseState, Verified, Gated.InGate {}

    // ---- final states

    /** The portal sent the license or activation code to the verified requester. */
    @JsonTypeName("Done")
    record Done(@JsonUnwrapped Gated.Approval approval) implements ResendLicenseState, Gated.Approved {}

    /** An end the approval gate came to by itself ({@link Gated.End}): handed to the Billing team, rejected, or cancelled. */
    record GateEnd(@JsonUnwrapped Gated.End end) implements ResendLicenseState, Gated.Ending {}

    /** The ownership verification this run waited for ended without verifying (its {@code result}). */
    @JsonTypeName("NotVerified")
    record NotVerified(long ticketId, String ownershipResult, Instant at) implements ResendLicenseState {}

    /** No plan: a person must go on (the note on the ticket says why). */
    @JsonTypeName("NeedsHuman")
    record NeedsHuman(long ticketId, String subscriptionName, Handoff why, Instant at) implements ResendLicenseState, OnSubscription {}

    /** The approvers did not decide in time. */
    @JsonTypeName("Expired")
    record Expired(long ticketId, String subscriptionName, Instant at) implements ResendLicenseState, OnSubscription {}

    // ---- parts

    /** An open state after ownership was verified: its subscription is the verified one. */
    interface Verified extends Gated.Open, OnSubscription {
        VerifiedOwnership ownership();

        @Override
        default String subscriptionName() {
            return ownership().subscriptionName();
        }
    }

    /** Why a person goes on. */
    enum Handoff {
        /** The ticket's requester has no email address. */
        NO_REQUESTER_EMAIL,
        /** The request names an address other than the requester's own: the bot sends only to the requester. */
        ANOTHER_ADDRESS,
        /** The requester writes from the domain of the subscription's reseller. */
        RESELLER_REQUESTER,
        /** The subscription, its billing account or a license to resend is missing. */
        NO_PLAN,
        /** The approval request could not be posted. */
        APPROVAL_NOT_POSTED
    }
}
