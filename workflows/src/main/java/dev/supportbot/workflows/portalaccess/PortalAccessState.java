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

    /** The plan in the approval gate: waiting for the approvers, running step by step, or failed at a step ({@link Gated.Phase}). */
    record Gate(long ticketId, Help help, @JsonUnwrapped Gated.Phase phase) implements PortalAccessState, Gated.InGate {}

    // ---- final states

    /** The portal mailed the link or the confirmation to the account's own email. */
    @JsonTypeName("Done")
    record Done(Help help, @JsonUnwrapped Gated.Approval approval) implements PortalAccessState, Gated.Approved {}

    /** An end the approval gate came to by itself ({@link Gated.End}): handed to the Billing team, rejected, or cancelled. */
    record GateEnd(@JsonUnwrapped Gated.End end) implements PortalAccessState, Gated.Ending {}

    /** The requester was answered with the steps to help themselves; nothing was planned. */
    @JsonTypeName("SelfService")
    record SelfService(long ticketId, Help help, boolean linkedGitLabAccount, Instant at) implements PortalAccessState {}

    /** No plan: a person must go on (the note on the ticket says why). */
    @JsonTypeName("NeedsHuman")
    record NeedsHuman(long ticketId, Handoff why, Instant at) implements PortalAccessState {}

    /** The approvers did not decide in time. */
    @JsonTypeName("Expired")
    record Expired(long ticketId, Instant at) implements PortalAccessState {}

    // ---- parts

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
