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

    /** The plan waits for the approvers (the approval gate's {@link Gated.Ask}). */
    @JsonTypeName("AwaitingApproval")
    record AwaitingApproval(long ticketId, VerifiedOwnership ownership, @JsonUnwrapped Gated.Ask ask)
            implements ResendLicenseState, Gate, Gated.Asking {}

    /** Approved: the plan runs step by step ({@link Gated.Run}). */
    @JsonTypeName("Executing")
    record Executing(long ticketId, VerifiedOwnership ownership, @JsonUnwrapped Gated.Run run)
            implements ResendLicenseState, Gate, Gated.Running {}

    /** A step failed for good; waits for an approver's retry from that step ({@link Gated.Halt}). */
    @JsonTypeName("Failed")
    record Failed(long ticketId, VerifiedOwnership ownership, @JsonUnwrapped Gated.Halt halt)
            implements ResendLicenseState, Gate, Gated.Halted {}

    // ---- final states

    /** The portal sent the license or activation code to the verified requester. */
    @JsonTypeName("Done")
    record Done(@JsonUnwrapped Gated.Approval approval) implements ResendLicenseState, Gated.Approved {}

    /** The portal sent it, but the billing account does not show what the plan predicted: the Billing team goes on. */
    @JsonTypeName("HandedToBilling")
    record HandedToBilling(@JsonUnwrapped Gated.Approval approval) implements ResendLicenseState, Gated.Approved {}

    /** The ownership verification this run waited for ended without verifying (its {@code result}). */
    @JsonTypeName("NotVerified")
    record NotVerified(long ticketId, String ownershipResult, Instant at) implements ResendLicenseState {}

    /** No plan: a person must go on (the note on the ticket says why). */
    @JsonTypeName("NeedsHuman")
    record NeedsHuman(long ticketId, String subscriptionName, Handoff why, Instant at) implements ResendLicenseState, OnSubscription {}

    /** An approver rejected the plan; nothing was sent. */
    @JsonTypeName("Rejected")
    record Rejected(@JsonUnwrapped Gated.Rejection rejection) implements ResendLicenseState, Gated.Rejected {}

    /** The approvers did not decide in time. */
    @JsonTypeName("Expired")
    record Expired(long ticketId, String subscriptionName, Instant at) implements ResendLicenseState, OnSubscription {}

    @JsonTypeName("Cancelled")
    record Cancelled(long ticketId, String agent, Instant at) implements ResendLicenseState {}

    // ---- parts

    /** A state of the approval gate: what the run keeps through it besides the gate's part. */
    interface Gate extends Verified {}

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
