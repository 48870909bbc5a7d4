package dev.supportbot.bot.plans;

import dev.supportbot.bot.engine.EffectHandler;
import dev.supportbot.bot.engine.FactSource;
import dev.supportbot.bot.portal.HttpPortalClient;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.FactRequest;
import java.time.Clock;

/**
 * What the engine's registries need to execute approved plans: the {@link Effect.RunPlanStep} handler and the
 * {@link FactRequest.PlanFactsOf} source. Both read the portal past the client's cache, so they see the back end
 * as it is now, changes made by others included.
 */
public final class PlanExecution {
    private PlanExecution() {}

    public static EffectHandler<Effect.RunPlanStep> handler(HttpPortalClient portal, Clock clock) {
        return new PlanStepHandler(portal.withoutCache(), clock);
    }

    public static FactSource<FactRequest.PlanFactsOf> factSource(HttpPortalClient portal) {
        return new PlanFactsSource(portal.withoutCache());
    }

    /** The source of {@link FactRequest.PortalAccountOf}, the facts of a plan about one customer's own account. */
    public static FactSource<FactRequest.PortalAccountOf> accountSource(HttpPortalClient portal) {
        return new PortalAccountSource(portal.withoutCache());
    }
}
