package dev.supportbot.workflows.troubleshooting;

import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.approved.StepResult;
import dev.supportbot.workflows.plan.Plan;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The states of license troubleshooting. While it runs it reads every new requester comment ({@code seen} holds the
 * comments already read); a true-up mismatch can add one fix at a time, which goes Planning, AwaitingApproval,
 * Executing, then back to Watching (done or rejected or expired) or to FixFailed (until an approver retries).
 */
public sealed interface TroubleshootingState {

    /** Before the first event. */
    @JsonTypeName("Requested")
    record Requested() implements TroubleshootingState {}

    /** Closed by an agent or with the ticket; final. */
    @JsonTypeName("Closed")
    record Closed(long ticketId, String reason) implements TroubleshootingState {}

    /** Every state in which the workflow reads the ticket's new comments. */
    sealed interface Running extends TroubleshootingState {
        long ticketId();

        Set<Long> seen();

        Running withSeen(Set<Long> more);

        static Set<Long> union(Set<Long> a, Set<Long> b) {
            Set<Long> all = new HashSet<>(a);
            all.addAll(b);
            return Set.copyOf(all);
        }
    }

    /** Reading comments; no fix under way. */
    @JsonTypeName("Watching")
    record Watching(long ticketId, Set<Long> seen) implements Running {
        public Watching {
            seen = Set.copyOf(seen);
        }

        public Running withSeen(Set<Long> more) {
            return new Watching(ticketId, Running.union(seen, more));
        }
    }

    /** A true-up fix was decided on; the facts of its plan (the license's billing account) are being read. */
    @JsonTypeName("Planning")
    record Planning(long ticketId, Set<Long> seen, TrueUpFix fix) implements Running {
        public Planning {
            seen = Set.copyOf(seen);
        }

        public Running withSeen(Set<Long> more) {
            return new Planning(ticketId, Running.union(seen, more), fix);
        }
    }

    /** The fix's plan is before the approvers; {@code fix.approvalId()} is null until the approval is open. */
    @JsonTypeName("AwaitingApproval")
    record AwaitingApproval(long ticketId, Set<Long> seen, PlannedFix fix) implements Running, Gated.InGate {
        public AwaitingApproval {
            seen = Set.copyOf(seen);
        }

        /** No expiry time: the expiry reminder alone decides. */
        @Override
        public Gated.Ask phase() {
            return new Gated.Ask(fix.plan(), fix.planHash(), fix.approvalId(), null);
        }

        public Running withSeen(Set<Long> more) {
            return new AwaitingApproval(ticketId, Running.union(seen, more), fix);
        }
    }

    /** Approved: the plan's step runs. */
    @JsonTypeName("Executing")
    record Executing(long ticketId, Set<Long> seen, PlannedFix fix) implements Running, Gated.InGate {
        public Executing {
            seen = Set.copyOf(seen);
        }

        /** The fix's one step runs. */
        @Override
        public Gated.Run phase() {
            return new Gated.Run(fix.plan(), fix.planHash(), fix.approvalId(), fix.approvers(), 1, fix.round(), List.of(StepResult.RUNNING));
        }

        public Running withSeen(Set<Long> more) {
            return new Executing(ticketId, Running.union(seen, more), fix);
        }
    }

    /** The step failed; an approver may retry it. */
    @JsonTypeName("FixFailed")
    record FixFailed(long ticketId, Set<Long> seen, PlannedFix fix, String reason) implements Running, Gated.InGate {
        public FixFailed {
            seen = Set.copyOf(seen);
        }

        /** The fix's one step failed. */
        @Override
        public Gated.Halt phase() {
            return new Gated.Halt(fix.plan(), fix.planHash(), fix.approvalId(), fix.approvers(), 1, fix.round(), List.of(StepResult.FAILED));
        }

        public Running withSeen(Set<Long> more) {
            return new FixFailed(ticketId, Running.union(seen, more), fix, reason);
        }
    }

    /**
     * Which comment showed the mismatch (its id, and in words: null in states stored before the words were kept), its
     * numbers, and the license to duplicate.
     */
    record TrueUpFix(long commentId, int appliedFor, int neededFor, long licenseId, String subscriptionName,
                     String licenseeEmail, String source) {

        String where() {
            return source != null ? source : commentId == Diagnosing.DESCRIPTION ? "the ticket's description" : "the requester's comment";
        }
    }

    /** A fix with its plan, the plan's hash, the approval (once open), its approvers and the execution round. */
    record PlannedFix(TrueUpFix fix, Plan plan, String planHash, Long approvalId,
                      List<String> approvers, int round) {
        public PlannedFix {
            approvers = List.copyOf(approvers);
        }

        PlannedFix opened(long id) {
            return new PlannedFix(fix, plan, planHash, id, approvers, round);
        }

        /** Approved by {@code who} under approval {@code id}, running in round {@code round}. */
        PlannedFix running(long id, List<String> who, int round) {
            return new PlannedFix(fix, plan, planHash, id, who, round);
        }
    }
}
