package dev.supportbot.workflows.approved;

import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Effect.UpdateApproval.Phase;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.PlanScope;
import dev.supportbot.workflows.plan.Preview;
import dev.supportbot.workflows.plan.Snapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * What every workflow that runs an approved plan does the same way: one {@code RunPlanStep} per step with the preview's
 * snapshots around it, keyed by step and round (a retry is a new round, so its keys differ from the failed attempt's),
 * and the plan's steps as lines with how far each got, for the approval message and the ticket's notes.
 */
public final class PlanRuns {
    private PlanRuns() {}

    /** The key of step {@code step} in round {@code round} (0, then one more per retry): {@code step-k} in round 0. */
    public static String keyOf(int step, int round) {
        return round == 0 ? "step-" + step : "step-" + step + "-round-" + round;
    }

    /**
     * Step {@code step} (1-based) of {@code plan} under {@code key}, with what the preview predicts just before and just
     * after it.
     */
    public static Effect.RunPlanStep runStep(String key, Plan plan, long approvalId, int step, int round) {
        Preview preview = plan.preview();
        Snapshot before = step == 1 ? preview.before() : preview.steps().get(step - 2).after();
        Snapshot after = preview.steps().get(step - 1).after();
        return new Effect.RunPlanStep(key, approvalId, step, round, plan.changes().get(step - 1),
                PlanScope.of(plan, preview), before, after);
    }

    /** The approval message while the plan runs: each step's result so far. */
    public static Effect.UpdateApproval progress(Plan plan, long approvalId, List<StepResult> results) {
        return new Effect.UpdateApproval(approvalId, Phase.EXECUTING, lines(plan, results), null);
    }

    /** One line per step: its number, its description and how far it got. */
    public static List<String> lines(Plan plan, List<StepResult> results) {
        List<Preview.Step> steps = plan.preview().steps();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            lines.add(steps.get(i).number() + ". " + steps.get(i).description() + ": " + words(results.get(i)));
        }
        return lines;
    }

    /** The steps as the approvers will see them, before anything ran. */
    public static List<String> planned(Plan plan) {
        return plan.preview().steps().stream().map(s -> s.number() + ". " + s.description()).toList();
    }

    public static List<StepResult> notRun(Plan plan) {
        return plan.changes().stream().map(c -> StepResult.NOT_RUN).toList();
    }

    /** {@code results} with step {@code step} (1-based) set to {@code result}. */
    public static List<StepResult> with(List<StepResult> results, int step, StepResult result) {
        List<StepResult> next = new ArrayList<>(results);
        next.set(step - 1, result);
        return List.copyOf(next);
    }

    private static String words(StepResult result) {
        return switch (result) {
            case NOT_RUN -> "not run";
            case RUNNING -> "running";
            case DONE -> "done";
            case ALREADY_DONE -> "already done (found done before it was run)";
            case FAILED -> "failed";
        };
    }
}
