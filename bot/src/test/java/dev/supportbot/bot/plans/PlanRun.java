package dev.supportbot.bot.plans;

import dev.supportbot.bot.engine.EffectStep;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.PlanScope;
import dev.supportbot.workflows.plan.Preview;
import dev.supportbot.workflows.plan.Snapshot;
import java.util.List;

/** The {@link Effect.RunPlanStep}s of an approved plan, as a workflow emits them: one per step of its preview. */
record PlanRun(long approvalId, Plan plan, Preview preview) {

    static PlanRun of(long approvalId, Plan plan) {
        return new PlanRun(approvalId, plan, plan.preview());
    }

    Effect.RunPlanStep step(int number) {
        return step(number, 0);
    }

    Effect.RunPlanStep step(int number, int round) {
        Preview.Step s = preview.steps().get(number - 1);
        Snapshot before = number == 1 ? preview.before() : preview.steps().get(number - 2).after();
        return new Effect.RunPlanStep("plan-step-" + number, approvalId, number, round, s.change(),
                PlanScope.of(plan, preview), before, s.after());
    }

    /** The queued step of {@code effect}, on the plan's ticket. */
    EffectStep queued(Effect.RunPlanStep effect) {
        return new EffectStep(null, plan.ticketId(), 1, 0, List.of(effect));
    }
}
