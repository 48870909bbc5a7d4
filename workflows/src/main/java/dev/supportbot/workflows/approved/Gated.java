package dev.supportbot.workflows.approved;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.supportbot.workflows.engine.OnSubscription;
import dev.supportbot.workflows.plan.Plan;
import java.time.Instant;
import java.util.List;

/**
 * What the {@link ApprovalGate} keeps in a workflow's states: its part of each ({@link Ask}, {@link Run}, {@link Halt},
 * and of the end states it leads to, {@link Approval} and {@link Rejection}), which the workflow's own records hold
 * beside what only that workflow needs (e.g. the subscription and the requester), as a {@link JsonUnwrapped} component
 * stored flat beside the workflow's own fields.
 */
public final class Gated {
    private Gated() {}

    /** The gate's part of a waiting state: the plan, its hash, the approval once its id is known, the expiry. */
    public record Ask(Plan plan, String planHash, Long approvalId, Instant expiresAt) {
        public Ask withApprovalId(long id) {
            return new Ask(plan, planHash, id, expiresAt);
        }
    }

    /**
     * How far an approved plan got: the gate's part of an executing state, and what the gate hands a workflow to make
     * its executing state of. Step {@code step} (1-based) runs in round {@code round}.
     */
    public record Run(Plan plan, String planHash, long approvalId, List<String> approvers, int step, int round,
                      List<StepResult> results) {
        public Run {
            approvers = List.copyOf(approvers);
            results = List.copyOf(results);
        }
    }

    /** The gate's part of a failed state: step {@code failedStep} failed in round {@code round}. */
    public record Halt(Plan plan, String planHash, long approvalId, List<String> approvers, int failedStep, int round,
                       List<StepResult> results) {
        public Halt {
            approvers = List.copyOf(approvers);
            results = List.copyOf(results);
        }
    }

    /**
     * The gate's part of an end state after every step of the approved plan ran (done, or handed to the Billing team):
     * the ticket, its subscription (null, and not stored, for a workflow without one), the approval and its approvers.
     */
    public record Approval(long ticketId, @JsonInclude(JsonInclude.Include.NON_NULL) String subscriptionName,
                           long approvalId, List<String> approvers, Instant at) {
        public Approval {
            approvers = List.copyOf(approvers);
        }
    }

    /** The gate's part of the end state after an approver rejected the plan: nothing was changed. */
    public record Rejection(long ticketId, @JsonInclude(JsonInclude.Include.NON_NULL) String subscriptionName,
                            long approvalId, String rejectedBy, Instant at) {}

    /** A workflow's state while its plan waits for the approvers; it reads as its {@link Ask}. */
    public interface Asking {
        Ask ask();

        default Plan plan() {
            return ask().plan();
        }

        default String planHash() {
            return ask().planHash();
        }

        /** Null until the approval request's result comes back. */
        default Long approvalId() {
            return ask().approvalId();
        }

        /** When the plan expires; null when the expiry reminder alone decides. */
        default Instant expiresAt() {
            return ask().expiresAt();
        }
    }

    /** A workflow's state while its approved plan runs; it reads as its {@link Run}. */
    public interface Running {
        Run run();

        default Plan plan() {
            return run().plan();
        }

        default long approvalId() {
            return run().approvalId();
        }

        default List<String> approvers() {
            return run().approvers();
        }

        default int step() {
            return run().step();
        }

        default int round() {
            return run().round();
        }
    }

    /** A workflow's state after a step of its approved plan failed; an approver may retry it. It reads as its {@link Halt}. */
    public interface Halted {
        Halt halt();

        default Plan plan() {
            return halt().plan();
        }

        default long approvalId() {
            return halt().approvalId();
        }

        default int failedStep() {
            return halt().failedStep();
        }
    }

    /** A state that events still move on, on its ticket; an agent can cancel it. */
    public interface Open {
        long ticketId();
    }

    /** An end state that keeps the approval it came through (done, or rejected). */
    public interface Decided {
        long approvalId();
    }

    /** A workflow's end state after its approved plan ran; it reads as its {@link Approval}. */
    public interface Approved extends Decided, OnSubscription {
        Approval approval();

        @Override
        default String subscriptionName() {
            return approval().subscriptionName();
        }

        @Override
        default long approvalId() {
            return approval().approvalId();
        }
    }

    /** A workflow's end state after an approver rejected its plan; it reads as its {@link Rejection}. */
    public interface Rejected extends Decided, OnSubscription {
        Rejection rejection();

        @Override
        default String subscriptionName() {
            return rejection().subscriptionName();
        }

        @Override
        default long approvalId() {
            return rejection().approvalId();
        }
    }

    /** The approval of a state that waits for it or was approved, else null. */
    public static Long approvalOf(Object state) {
        if (state instanceof Asking a) return a.ask().approvalId();
        if (state instanceof Running r) return r.run().approvalId();
        if (state instanceof Halted h) return h.halt().approvalId();
        return null;
    }

    /** What a state of the gate has come to, in words for people ({@code /lnr status}); null for any other state. */
    public static String resultOf(Object state) {
        if (state instanceof Asking) return "waiting for approval";
        if (state instanceof Running r) return "running step " + r.run().step() + " of " + r.run().plan().changes().size();
        if (state instanceof Halted h) return "failed at step " + h.halt().failedStep() + ", waiting for a retry";
        return null;
    }

    /** Whether the approvers are to act: decide on the plan, or retry its failed step. */
    public static boolean waitsForApprovers(Object state) {
        return state instanceof Asking || state instanceof Halted;
    }
}
