package dev.supportbot.workflows.approved;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.supportbot.workflows.plan.Plan;
import java.time.Instant;
import java.util.List;

/**
 * What the {@link ApprovalGate} reads of a workflow's states: the workflow's own records (which also hold what only
 * that workflow needs, e.g. the subscription and the requester) implement these. A record that keeps the gate's part
 * as one of {@link Ask}, {@link Run} or {@link Halt} (a {@link JsonUnwrapped} component, stored flat beside the
 * workflow's own fields) implements {@link Asking}, {@link Running} or {@link Halted}, which read that part.
 */
public final class Gated {
    private Gated() {}

    /** The plan waits for its approvers; {@code approvalId} is null until the approval request's result comes back. */
    public interface Awaiting {
        Plan plan();

        String planHash();

        Long approvalId();

        /** When the plan expires; null when the expiry reminder alone decides. */
        Instant expiresAt();
    }

    /** The plan was approved: it runs, or it stopped at a failed step. */
    public interface Approved {
        Plan plan();

        String planHash();

        long approvalId();

        List<String> approvers();

        /** 0, then one more per approver's retry. */
        int round();

        List<StepResult> results();
    }

    /** Step {@code step} (1-based) runs. */
    public interface Executing extends Approved {
        int step();
    }

    /** Step {@code failedStep} failed for good; the later steps did not run. Waits for an approver's retry. */
    public interface Failed extends Approved {
        int failedStep();
    }

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

    /** A waiting state that keeps the gate's part as an {@link Ask}. */
    public interface Asking extends Awaiting {
        Ask ask();

        default Plan plan() {
            return ask().plan();
        }

        default String planHash() {
            return ask().planHash();
        }

        default Long approvalId() {
            return ask().approvalId();
        }

        default Instant expiresAt() {
            return ask().expiresAt();
        }
    }

    /** An executing state that keeps the gate's part as a {@link Run}. */
    public interface Running extends Executing {
        Run run();

        default Plan plan() {
            return run().plan();
        }

        default String planHash() {
            return run().planHash();
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

        default List<StepResult> results() {
            return run().results();
        }
    }

    /** A failed state that keeps the gate's part as a {@link Halt}. */
    public interface Halted extends Failed {
        Halt halt();

        default Plan plan() {
            return halt().plan();
        }

        default String planHash() {
            return halt().planHash();
        }

        default long approvalId() {
            return halt().approvalId();
        }

        default List<String> approvers() {
            return halt().approvers();
        }

        default int failedStep() {
            return halt().failedStep();
        }

        default int round() {
            return halt().round();
        }

        default List<StepResult> results() {
            return halt().results();
        }
    }

    /** The approval of a state that waits for it or was approved, else null. */
    public static Long approvalOf(Object state) {
        if (state instanceof Awaiting a) return a.approvalId();
        if (state instanceof Approved r) return r.approvalId();
        return null;
    }

    /** What a state of the gate has come to, in words for people ({@code /lnr status}); null for any other state. */
    public static String resultOf(Object state) {
        if (state instanceof Awaiting) return "waiting for approval";
        if (state instanceof Executing x) return "running step " + x.step() + " of " + x.plan().changes().size();
        if (state instanceof Failed f) return "failed at step " + f.failedStep() + ", waiting for a retry";
        return null;
    }

    /** Whether the approvers are to act: decide on the plan, or retry its failed step. */
    public static boolean waitsForApprovers(Object state) {
        return state instanceof Awaiting || state instanceof Failed;
    }
}
