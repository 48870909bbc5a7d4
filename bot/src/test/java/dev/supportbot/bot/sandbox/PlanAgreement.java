package dev.supportbot.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.bot.engine.EffectHandler;
import dev.supportbot.bot.engine.EffectStep;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.plans.PlanExecution;
import dev.supportbot.bot.portal.HttpPortalClient;
import dev.supportbot.bot.portal.PlanWorld;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.plan.BackendState;
import dev.supportbot.workflows.plan.PlanScope;
import dev.supportbot.workflows.plan.PortalChange;
import dev.supportbot.workflows.plan.Preview;
import dev.supportbot.workflows.plan.Snapshot;
import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a plan's changes against the portal one step at a time through the bot's plan step handler (which re-reads the
 * plan's scope, calls the portal through {@code PlanSteps} and audits the step), and after each step asserts that the
 * portal shows exactly what the preview predicted: a step the model says is refused must be refused for good (with the
 * back end's words) and change nothing. Safe to share between threads that run plans on accounts of their own.
 */
final class PlanAgreement {
    private final EffectHandler<Effect.RunPlanStep> handler;
    private final PlanWorld world;
    private final AtomicLong approvals = new AtomicLong();
    private final AtomicInteger checkedSteps = new AtomicInteger();
    private final AtomicInteger refusedSteps = new AtomicInteger();
    private final Set<Class<?>> executedKinds = ConcurrentHashMap.newKeySet();

    PlanAgreement(HttpPortalClient portal) {
        this.handler = PlanExecution.handler(portal, Clock.systemUTC());
        this.world = new PlanWorld(portal.withoutCache());
    }

    BackendState facts(Collection<Long> accounts, Collection<String> emails) {
        return world.read(accounts, emails);
    }

    /** Runs {@code changes} from {@code facts} (read with {@link #facts} over {@code accounts}); returns the preview. */
    Preview run(String name, BackendState facts, List<PortalChange> changes, Collection<Long> accounts) {
        Preview preview = Preview.of(facts, changes);
        Set<String> emails = new LinkedHashSet<>(Snapshot.of(facts).customerEmails());
        preview.steps().forEach(s -> emails.addAll(s.after().customerEmails()));
        PlanScope scope = new PlanScope(List.copyOf(accounts), List.copyOf(emails));
        long approval = approvals.incrementAndGet();
        Snapshot before = preview.before();
        for (Preview.Step step : preview.steps()) {
            String what = name + ", step " + step.number() + " (" + step.description() + ")";
            Effect.RunPlanStep effect = new Effect.RunPlanStep("step-" + step.number(), approval, step.number(), 0,
                    step.change(), scope, before, step.after());
            EffectStep queued = new EffectStep(null, 1, 1, 0, List.of(effect));
            if (step.refusal() == null) {
                EffectHandler.Ran ran = handler.run(queued, effect, false);
                assertThat(ran.result()).as(what).isEqualTo(Map.of(Effect.RunPlanStep.ALREADY_DONE, "false"));
                assertThat(snapshot(ran.audit().get(0).after())).as(what + ": audited after").isEqualTo(step.after());
                executedKinds.add(step.change().getClass());
            } else {
                assertThatThrownBy(() -> handler.run(queued, effect, false)).as(what)
                        .isInstanceOfSatisfying(OutboundException.class, e -> assertThat(e.retryable()).isFalse())
                        .hasMessageContaining(step.refusal());
                refusedSteps.incrementAndGet();
            }
            assertThat(Snapshot.of(world.read(scope))).as(what).isEqualTo(step.after());
            before = step.after();
            checkedSteps.incrementAndGet();
        }
        return preview;
    }

    int checkedSteps() {
        return checkedSteps.get();
    }

    int refusedSteps() {
        return refusedSteps.get();
    }

    /** The kinds of change the portal carried out. */
    Set<Class<?>> executedKinds() {
        return executedKinds;
    }

    private static Snapshot snapshot(String json) {
        try {
            return Json.MAPPER.readValue(json, Snapshot.class);
        } catch (IOException e) {
            throw new AssertionError("not a snapshot: " + json, e);
        }
    }
}
