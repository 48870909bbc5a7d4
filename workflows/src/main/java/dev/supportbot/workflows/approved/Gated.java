package dev.supportbot.workflows.approved;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.supportbot.workflows.engine.OnSubscription;
import dev.supportbot.workflows.engine.TransitionTable;
import dev.supportbot.workflows.plan.Plan;
import java.time.Instant;
import java.util.List;

/**
 * What the {@link ApprovalGate} keeps in a workflow's states. A workflow has one state for the whole gate
 * ({@link InGate}): what only that workflow keeps (e.g. the subscription and the requester) and the gate's
 * {@link Phase}, which is where the plan is ({@link Ask}, {@link Run}, {@link Halt}). It has one state for the ends the
 * gate comes to by itself ({@link Ending}: {@link HandedOver}, {@link Rejection}, {@link Cancellation}). Either holds the
 * gate's part as a {@link JsonUnwrapped} component: it is stored flat beside the workflow's own fields, under the part's
 * type id.
 */
public final class Gated {
    private Gated() {}

    /** Where a plan is in the gate; the workflow's gate state is keyed by it in the transition table. */
    public sealed interface Phase permits Ask, Run, Halt {
        Plan plan();

        String planHash();
    }

    /** The plan waits for the approvers: its hash, the approval once its id is known, the expiry. */
    @JsonTypeName("AwaitingApproval")
    public record Ask(Plan plan, String planHash, Long approvalId, Instant expiresAt) implements Phase {
        public Ask withApprovalId(long id) {
            return new Ask(plan, planHash, id, expiresAt);
        }
    }

    /** Approved: step {@code step} (1-based) runs in round {@code round}. */
    @JsonTypeName("Executing")
    public record Run(Plan plan, String planHash, long approvalId, List<String> approvers, int step, int round,
                      List<StepResult> results) implements Phase {
        public Run {
            approvers = List.copyOf(approvers);
            results = List.copyOf(results);
        }
    }

    /** Step {@code failedStep} failed for good in round {@code round}; the later steps did not run. An approver may retry it. */
    @JsonTypeName("Failed")
    public record Halt(Plan plan, String planHash, long approvalId, List<String> approvers, int failedStep, int round,
                       List<StepResult> results) implements Phase {
        public Halt {
            approvers = List.copyOf(approvers);
            results = List.copyOf(results);
        }
    }

    /**
     * After every step of the approved plan ran (done, or handed to the Billing team): the ticket, its subscription
     * (null, and not stored, for a workflow without one), the approval and its approvers.
     */
    public record Approval(long ticketId, @JsonInclude(JsonInclude.Include.NON_NULL) String subscriptionName,
                           long approvalId, List<String> approvers, Instant at) {
        public Approval {
            approvers = List.copyOf(approvers);
        }
    }

    /** An end the gate comes to by itself, the same in every workflow. */
    public sealed interface End permits HandedOver, Rejection, Cancellation {
        long ticketId();

        /** Null for an end that does not name it. */
        String subscriptionName();
    }

    /** Every step ran, but the billing account does not show what the plan predicted: the Billing team goes on. */
    @JsonTypeName("HandedToBilling")
    public record HandedOver(@JsonUnwrapped Approval approval) implements End {
        @Override
        public long ticketId() {
            return approval.ticketId();
        }

        @Override
        public String subscriptionName() {
            return approval.subscriptionName();
        }
    }

    /** An approver rejected the plan: nothing was changed. */
    @JsonTypeName("Rejected")
    public record Rejection(long ticketId, @JsonInclude(JsonInclude.Include.NON_NULL) String subscriptionName,
                            long approvalId, String rejectedBy, Instant at) implements End {}

    /** An agent cancelled the run, in the gate or before it (the workflow's cancel command). */
    @JsonTypeName("Cancelled")
    public record Cancellation(long ticketId, String agent, Instant at) implements End {
        @Override
        public String subscriptionName() {
            return null;
        }
    }

    /** A workflow's state while its plan is in the gate; {@link #phase} says where. */
    public interface InGate extends Open, TransitionTable.Phased {
        @Override
        Phase phase();

        default Plan plan() {
            return phase().plan();
        }
    }

    /** A state that events still move on, on its ticket; an agent can cancel it. */
    public interface Open {
        long ticketId();
    }

    /** A workflow's done state after its approved plan ran; it reads as its {@link Approval}. */
    public interface Approved extends OnSubscription {
        Approval approval();

        @Override
        default String subscriptionName() {
            return approval().subscriptionName();
        }
    }

    /** A workflow's state for the ends the gate comes to by itself; it reads as its {@link End}. */
    public interface Ending extends OnSubscription {
        End end();

        @Override
        default String subscriptionName() {
            return end().subscriptionName();
        }
    }

    /** The approval of a state that waits for it, was approved or was rejected, else null. */
    public static Long approvalOf(Object state) {
        if (state instanceof Approved a) return a.approval().approvalId();
        if (state instanceof Ending e && e.end() instanceof HandedOver h) return h.approval().approvalId();
        if (state instanceof Ending e && e.end() instanceof Rejection r) return r.approvalId();
        if (!(state instanceof InGate g)) return null;
        if (g.phase() instanceof Ask a) return a.approvalId();
        if (g.phase() instanceof Run r) return r.approvalId();
        return ((Halt) g.phase()).approvalId();
    }

    /** What a state of the gate, or an end it came to, has come to, in words for people ({@code /lnr status}); else null. */
    public static String resultOf(Object state) {
        if (state instanceof Ending e) {
            if (e.end() instanceof HandedOver) return "handed to the billing team";
            return e.end() instanceof Rejection ? "rejected" : "cancelled";
        }
        if (!(state instanceof InGate g)) return null;
        if (g.phase() instanceof Ask) return "waiting for approval";
        if (g.phase() instanceof Run r) return "running step " + r.step() + " of " + r.plan().changes().size();
        return "failed at step " + ((Halt) g.phase()).failedStep() + ", waiting for a retry";
    }

    /** Whether the approvers are to act: decide on the plan, or retry its failed step. */
    public static boolean waitsForApprovers(Object state) {
        return state instanceof InGate g && !(g.phase() instanceof Run);
    }
}
