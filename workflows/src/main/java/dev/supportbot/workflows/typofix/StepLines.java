package dev.supportbot.workflows.typofix;

import dev.supportbot.workflows.typofix.TypoFixState.StepResult;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.Preview;
import java.util.ArrayList;
import java.util.List;

/** The plan's steps with how far each got, one line each: for the approval message and the ticket's notes. */
final class StepLines {
    private StepLines() {}

    static List<String> of(Plan plan, List<StepResult> results) {
        List<Preview.Step> steps = plan.preview().steps();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            lines.add(steps.get(i).number() + ". " + steps.get(i).description() + ": " + words(results.get(i)));
        }
        return lines;
    }

    /** The steps as the approvers will see them, before anything ran. */
    static List<String> planned(Plan plan) {
        return plan.preview().steps().stream().map(s -> s.number() + ". " + s.description()).toList();
    }

    static List<StepResult> notRun(Plan plan) {
        return plan.changes().stream().map(c -> StepResult.NOT_RUN).toList();
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
