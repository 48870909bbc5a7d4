package dev.supportbot.workflows.plan;

import java.util.List;

/** What a planner answers: a plan with its preview that passed {@link PlanCheck}, or why there is none. */
public sealed interface Planning {

    record Proposed(Plan plan, Preview preview) implements Planning {}

    record NotPlanned(Why why, String reason) implements Planning {}

    enum Why {
        /** The back end already is as wanted. */
        NOTHING_TO_DO,
        /** The requester must answer first (e.g. stop managing their other subscription?). */
        ASK_REQUESTER,
        /** A person must decide (e.g. login was switched off on purpose, or a record is missing). */
        NEEDS_HUMAN,
        /** The requester writes from the reseller's domain: a reseller never becomes a member or the Sold To. */
        RESELLER_REQUESTER,
        /** Every ordering the planner knows ends wrong in the preview. */
        NO_SAFE_ORDER
    }

    static Planning notPlanned(Why why, String reason) {
        return new NotPlanned(why, reason);
    }

    /**
     * The first candidate ordering whose preview passes {@link PlanCheck}; the candidates come in order of preference.
     * When none passes, the problems of the first one are the reason.
     */
    static Planning firstSafe(List<Plan> candidates) {
        List<String> firstProblems = null;
        for (Plan candidate : candidates) {
            Preview preview = candidate.preview();
            List<String> problems = PlanCheck.problems(candidate, preview);
            if (problems.isEmpty()) return new Proposed(candidate, preview);
            if (firstProblems == null) firstProblems = problems;
        }
        return new NotPlanned(Why.NO_SAFE_ORDER, firstProblems == null ? "no candidate plan" : String.join("; ", firstProblems));
    }
}
