package dev.supportbot.workflows.typofix;

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

    /**
     * The plan waits for the approvers (the approval gate's {@link Gated.Ask}). An AM who corrects the address now
     * withdraws the plan and is asked to confirm the new one.
     */
    @JsonTypeName("AwaitingApproval")
    record AwaitingApproval(long ticketId, Target target, Bounce bounce, String correctedEmail,
                            @JsonUnwrapped Gated.Ask ask) implements TypoFixState, Gate, Gated.Asking {}

    /** Approved: the plan runs step by step ({@link Gated.Run}). */
    @JsonTypeName("Executing")
    record Executing(long ticketId, Target target, String correctedEmail, @JsonUnwrapped Gated.Run run)
            implements TypoFixState, Gate, Gated.Running {}

    /** A step failed for good; waits for an approver's retry from that step ({@link Gated.Halt}). */
    @JsonTypeName("Failed")
    record Failed(long ticketId, Target target, String correctedEmail, @JsonUnwrapped Gated.Halt halt)
            implements TypoFixState, Gate, Gated.Halted {}

    // ---- final states

    /** The corrected address is on the customer and the Sold To, and the license or code was resent to it. */
    @JsonTypeName("Done")
    record Done(String correctedEmail, @JsonUnwrapped Gated.Approval approval) implements TypoFixState, Gated.Approved {}

    /**
     * Every step ran, but the billing account does not show what the plan predicted: the Billing team goes on and the
     * account manager is told nothing yet.
     */
    @JsonTypeName("HandedToBilling")
    record HandedToBilling(@JsonUnwrapped Gated.Approval approval) implements TypoFixState, Gated.Approved {}

    /** A check of the handbook failed (the note on the ticket says which); nothing was changed. */
    @JsonTypeName("Stopped")
    record Stopped(long ticketId, String subscriptionName, StopReason why, Instant at) implements TypoFixState, OnSubscription {}

    /** The Sold To already has the corrected address. */
    @JsonTypeName("NothingToDo")
    record NothingToDo(long ticketId, String subscriptionName, Instant at) implements TypoFixState, OnSubscription {}

    /** An approver rejected the plan; nothing was changed. */
    @JsonTypeName("Rejected")
    record Rejected(@JsonUnwrapped Gated.Rejection rejection) implements TypoFixState, Gated.Rejected {}

    /** The AM did not confirm, or the approvers did not decide, in time. */
    @JsonTypeName("Expired")
    record Expired(long ticketId, String subscriptionName, Wait waitedFor, Instant at) implements TypoFixState, OnSubscription {}

    @JsonTypeName("Cancelled")
    record Cancelled(long ticketId, String agent, Instant at) implements TypoFixState {}

    // ---- parts

    /** A state of the approval gate: what the fix keeps through it besides the gate's part. */
    interface Gate extends Targeted {
        String correctedEmail();
    }

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
