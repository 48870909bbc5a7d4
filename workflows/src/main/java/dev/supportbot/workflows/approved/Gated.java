package dev.supportbot.workflows.approved;

import dev.supportbot.workflows.plan.Plan;
import java.time.Instant;
import java.util.List;

/**
 * What the {@link ApprovalGate} reads of a workflow's states: the workflow's own records (which also hold what only
 * that workflow needs, e.g. the subscription and the requester) implement these.
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

    /** How far an approved plan got: what a workflow's executing state is made of. */
    public record Run(long approvalId, List<String> approvers, int step, int round, List<StepResult> results) {
        public Run {
            approvers = List.copyOf(approvers);
            results = List.copyOf(results);
        }
    }
}
