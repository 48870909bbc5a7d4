package dev.supportbot.workflows.typofix;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.engine.OnSubscription;
import dev.supportbot.workflows.plan.TypoFixPlanner.Resend;
import java.time.Instant;

/**
 * The persisted state of one typo fix. Holds ids, the mistyped and the corrected address, the bounce's facts without
 * its subject, and the plan; never a comment body, a mail subject or an activation code.
 */
public sealed interface TypoFixState {

    /** A new instance; {@code mistypedEmail} is the start command's argument, null when a macro started it. */
    @JsonTypeName("Requested")
    record Requested(String mistypedEmail) implements TypoFixState {}

    /** The license sent to the mistyped address is known; a {@code Continue} fetches the activation and the mail log. */
    @JsonTypeName("Checking")
    record Checking(long ticketId, Target target, String proposedEmail) implements TypoFixState, Targeted {}

    /**
     * The AM was asked to confirm the corrected address in writing: {@code proposedEmail} (null: asked to name it).
     * A new address from the AM replaces it and asks again ({@code corrections} counts how often).
     */
    @JsonTypeName("AwaitingConfirmation")
    record AwaitingConfirmation(long ticketId, Target target, Bounce bounce, String proposedEmail, Instant askedAt,
                                int remindersSent, int corrections) implements TypoFixState, Targeted {
        AwaitingConfirmation withRemindersSent(int sent) {
            return new AwaitingConfirmation(ticketId, target, bounce, proposedEmail, askedAt, sent, corrections);
        }
    }

    /** The AM confirmed {@code correctedEmail}; a {@code Continue} fetches the plan's facts. */
    @JsonTypeName("Planning")
    record Planning(long ticketId, Target target, Bounce bounce, String correctedEmail) implements TypoFixState, Targeted {}

    /** The plan in the approval gate: waiting for the approvers, running step by step, or failed at a step ({@link Gated.Phase}). */
    record Gate(long ticketId, Target target, @JsonInclude(JsonInclude.Include.NON_NULL) Bounce bounce, String correctedEmail,
                @JsonUnwrapped Gated.Phase phase) implements TypoFixState, Targeted, Gated.InGate {}

    // ---- final states

    /** The corrected address is on the customer and the Sold To, and the license or code was resent to it. */
    @JsonTypeName("Done")
    record Done(String correctedEmail, @JsonUnwrapped Gated.Approval approval) implements TypoFixState, Gated.Approved {}

    /** An end the approval gate came to by itself ({@link Gated.End}): handed to the Billing team, rejected, or cancelled. */
    record GateEnd(@JsonUnwrapped Gated.End end) implements TypoFixState, Gated.Ending {}

    /** A check of the handbook failed (the note on the ticket says which); nothing was changed. */
    @JsonTypeName("Stopped")
    record Stopped(long ticketId, String subscriptionName, StopReason why, Instant at) implements TypoFixState, OnSubscription {}

    /** The Sold To already has the corrected address. */
    @JsonTypeName("NothingToDo")
    record NothingToDo(long ticketId, String subscriptionName, Instant at) implements TypoFixState, OnSubscription {}

    /** The AM did not confirm, or the approvers did not decide, in time. */
    @JsonTypeName("Expired")
    record Expired(long ticketId, String subscriptionName, Wait waitedFor, Instant at) implements TypoFixState, OnSubscription {}

    // ---- parts

    /** An open state about a mistyped address: its subscription is that of the license issued to it. */
    interface Targeted extends Gated.Open, OnSubscription {
        Target target();

        @Override
        default String subscriptionName() {
            return target().subscriptionName();
        }
    }

    /** The mistyped address, the subscription whose license went to it, and what to resend. */
    record Target(String mistypedEmail, String subscriptionName, boolean cloud, Resend resend) {}

    /** The failed delivery to the mistyped address, as evidence; its subject is not kept. */
    record Bounce(String recipient, Integer smtpCode, String message, Instant at) {}

    enum StopReason {
        /** The requester is not on the staff domains, so not an account manager. */
        NOT_FROM_STAFF,
        /** No address to fix was named, or several could be meant. */
        NO_MISTYPED_ADDRESS,
        /** No license was issued to the mistyped address. */
        NO_LICENSE,
        /** Step 1: the cloud activation code was already used by an instance. */
        CODE_USED,
        /** Step 1: the cloud license has no activation in the portal. */
        NO_ACTIVATION,
        /** Step 2: the mail log shows no failed delivery to the mistyped address. */
        NO_BOUNCE,
        /** The planner found no safe plan, or the portal lacks a record the plan needs. */
        NO_PLAN,
        /** The approval request could not be posted. */
        APPROVAL_NOT_POSTED
    }

    enum Wait { CONFIRMATION, APPROVAL }

}
