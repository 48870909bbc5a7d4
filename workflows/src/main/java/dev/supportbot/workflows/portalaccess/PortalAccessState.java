package dev.supportbot.workflows.portalaccess;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.plan.PortalAccessPlanner.Help;
import java.time.Instant;

/** The persisted state of one portal access request: ids, what was asked for and the plan; never a comment body. */
public sealed interface PortalAccessState {

    /** A new instance, before its first event. */
    @JsonTypeName("Requested")
    record Requested() implements PortalAccessState {}

    /** The plan waits for the approvers (the approval gate's {@link Gated.Ask}). */
    @JsonTypeName("AwaitingApproval")
    record AwaitingApproval(long ticketId, Help help, @JsonUnwrapped Gated.Ask ask)
            implements PortalAccessState, Gate, Gated.Asking {}

    /** Approved: the plan runs step by step ({@link Gated.Run}). */
    @JsonTypeName("Executing")
    record Executing(long ticketId, Help help, @JsonUnwrapped Gated.Run run)
            implements PortalAccessState, Gate, Gated.Running {}

    /** A step failed for good; waits for an approver's retry from that step ({@link Gated.Halt}). */
    @JsonTypeName("Failed")
    record Failed(long ticketId, Help help, @JsonUnwrapped Gated.Halt halt)
            implements PortalAccessState, Gate, Gated.Halted {}

    // ---- final states

    /** The portal mailed the link or the confirmation to the account's own email. */
    @JsonTypeName("Done")
    record Done(Help help, @JsonUnwrapped Gated.Approval approval) implements PortalAccessState, Gated.Approved {}

    /** The portal sent it, but the billing account does not show what the plan predicted: the Billing team goes on. */
    @JsonTypeName("HandedToBilling")
    record HandedToBilling(@JsonUnwrapped Gated.Approval approval) implements PortalAccessState, Gated.Approved {}

    /** The requester was answered with the steps to help themselves; nothing was planned. */
    @JsonTypeName("SelfService")
    record SelfService(long ticketId, Help help, boolean linkedGitLabAccount, Instant at) implements PortalAccessState {}

    /** No plan: a person must go on (the note on the ticket says why). */
    @JsonTypeName("NeedsHuman")
    record NeedsHuman(long ticketId, Handoff why, Instant at) implements PortalAccessState {}

    /** An approver rejected the plan; nothing was sent. */
    @JsonTypeName("Rejected")
    record Rejected(@JsonUnwrapped Gated.Rejection rejection) implements PortalAccessState, Gated.Rejected {}

    /** The approvers did not decide in time. */
    @JsonTypeName("Expired")
    record Expired(long ticketId, Instant at) implements PortalAccessState {}

    @JsonTypeName("Cancelled")
    record Cancelled(long ticketId, String agent, Instant at) implements PortalAccessState {}

    // ---- parts

    /** A state of the approval gate: what the run keeps through it besides the gate's part. */
    interface Gate extends Gated.Open {
        Help help();
    }

    /** Why a person goes on. */
    enum Handoff {
        /** The ticket's requester has no email address. */
        NO_REQUESTER_EMAIL,
        /** The request names an address other than the requester's own: help goes only to the account's own address. */
        ANOTHER_ADDRESS,
        /** No Customers Portal account has the requester's address. */
        NO_ACCOUNT,
        /** Login is not activated for the account, or the planner found no safe plan. */
        NO_PLAN,
        /** The approval request could not be posted. */
        APPROVAL_NOT_POSTED
    }
}
