package dev.supportbot.workflows.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan's changes applied to its facts by the {@link BackendModel}: the predicted Sold To, Bill To, memberships and
 * customers after every step. The prediction stops at the first step the back end would refuse.
 */
public record Preview(Snapshot before, List<Step> steps, int plannedSteps) {

    /** Step {@code number} counts from 1; {@code refusal} is null when the back end is predicted to accept it. */
    public record Step(int number, PortalChange change, String description, String refusal, Snapshot after) {}

    public static Preview of(BackendState facts, List<PortalChange> changes) {
        List<Step> steps = new ArrayList<>();
        BackendState state = facts;
        for (PortalChange change : changes) {
            String description = StepText.describe(state, change);
            BackendModel.Result result = BackendModel.apply(state, change);
            state = result.state();
            steps.add(new Step(steps.size() + 1, change, description, result.refusal(), Snapshot.of(state)));
            if (result.isRefused()) break;
        }
        return new Preview(Snapshot.of(facts), steps, changes.size());
    }

    /** True when the back end is predicted to accept every step. */
    public boolean completes() {
        return steps.size() == plannedSteps && steps.stream().allMatch(s -> s.refusal() == null);
    }

    /** The prediction after the last step (or the refused one). */
    public Snapshot end() {
        return steps.isEmpty() ? before : steps.get(steps.size() - 1).after();
    }
}
