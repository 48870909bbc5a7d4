package dev.supportbot.bot.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.bot.engine.AuditLog;
import dev.supportbot.bot.engine.EffectHandler;
import dev.supportbot.bot.engine.EffectStep;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.outbound.RetryPolicy;
import dev.supportbot.bot.portal.HttpPortalClient;
import dev.supportbot.bot.portal.PlanWorld;
import dev.supportbot.bot.sandbox.SandboxBot;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.PlanFacts;
import dev.supportbot.workflows.plan.AddContactPlanner;
import dev.supportbot.workflows.plan.BackendState;
import dev.supportbot.workflows.plan.Evidence;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.PlanScope;
import dev.supportbot.workflows.plan.Planning;
import dev.supportbot.workflows.plan.PortalChange;
import dev.supportbot.workflows.plan.Preview;
import dev.supportbot.workflows.plan.Snapshot;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plan step handler against the sandbox portal over HTTP: a step runs once however often it is delivered, a step
 * whose back end changed since the preview stops naming the change, a refusal fails for good with the portal's words,
 * and no answer is left to the inbox's retry.
 */
class PlanStepHandlerTest {
    private static final List<Evidence> EVIDENCE = List.of(new Evidence("ownership", "verified on the ticket"));
    private static final long APPROVAL = 41;

    @Test
    void a_step_whose_answer_was_lost_is_found_done_and_not_repeated() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            EffectHandler<Effect.RunPlanStep> handler = PlanExecution.handler(sandbox.client, Clock.systemUTC());
            PlanRun run = PlanRun.of(APPROVAL, addSam(sandbox));
            Effect.RunPlanStep step = run.step(1);
            assertThat(step.change()).isInstanceOf(PortalChange.CreateMembership.class);
            long sam = sandbox.client.findCustomerByEmail("sam@acme.example").orElseThrow().id();
            long changesBefore = sandbox.count("sandbox_idempotency");

            EffectHandler.Ran first = handler.run(run.queued(step), step, false);
            // The completion of the first run is lost (a crash before its commit): the inbox delivers the step again.
            EffectHandler.Ran second = handler.run(run.queued(step), step, true);

            assertThat(first.result()).containsEntry(Effect.RunPlanStep.ALREADY_DONE, "false")
                    .doesNotContainKey(PlanStepHandler.DIFFERS_FROM_PREVIEW);
            assertThat(second.result()).containsEntry(Effect.RunPlanStep.ALREADY_DONE, "true");
            assertThat(sandbox.client.membershipsOfCustomer(sam)).extracting(Membership::billingAccountId)
                    .containsExactly(acme(sandbox));
            assertThat(sandbox.count("sandbox_idempotency")).as("portal changes made").isEqualTo(changesBefore + 1);
            assertThat(Snapshot.of(world(sandbox, step.scope()))).isEqualTo(step.expectedAfter());

            AuditLog.Entry executed = first.audit().get(0);
            assertThat(executed.actor()).isEqualTo("supportbot");
            assertThat(executed.action()).isEqualTo("plan step");
            assertThat(executed.detail()).contains("approval 41, step 1: Add Sam Rivera").doesNotContain("already done");
            assertThat(read(executed.before())).isEqualTo(step.expectedBefore());
            assertThat(read(executed.after())).isEqualTo(step.expectedAfter());
            assertThat(second.audit().get(0).detail()).contains("already done");
            assertThat(read(second.audit().get(0).after())).isEqualTo(step.expectedAfter());
        }
    }

    @Test
    void a_step_stops_when_the_back_end_changed_since_the_preview_even_behind_the_read_cache() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            EffectHandler<Effect.RunPlanStep> handler = PlanExecution.handler(sandbox.client, Clock.systemUTC());
            PlanRun run = PlanRun.of(APPROVAL, addSam(sandbox));
            long acme = acme(sandbox);
            sandbox.client.billingAccount(acme); // now in the bot's read cache
            // Someone else sets Acme's Bill To in the portal, by another way than the bot's client.
            assertThat(sandbox.send("PUT", "/billing-accounts/" + acme + "/contacts", """
                    {"role": "BILL_TO", "contact": {"first_name": "Bea", "last_name": "Biller", "email": "bea@acme.example",
                     "address": "1 Roadrunner Way, Phoenix, AZ 85001, US"}}""", "Idempotency-Key", "someone-else-1").statusCode())
                    .isEqualTo(200);
            long sam = sandbox.client.findCustomerByEmail("sam@acme.example").orElseThrow().id();

            Effect.RunPlanStep step = run.step(1);
            assertThatThrownBy(() -> handler.run(run.queued(step), step, false))
                    .isInstanceOfSatisfying(OutboundException.class, e -> assertThat(e.retryable()).isFalse())
                    .hasMessageContaining("step 1 (Add Sam Rivera")
                    .hasMessageContaining("changed since the preview")
                    .hasMessageContaining("billing account " + acme + ": Bill To is Bea Biller <bea@acme.example>")
                    .hasMessageContaining("new customer bea@acme.example");
            assertThat(sandbox.client.membershipsOfCustomer(sam)).as("nothing was changed").isEmpty();
        }
    }

    @Test
    void a_refused_step_fails_for_good_with_the_portals_words() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            EffectHandler<Effect.RunPlanStep> handler = PlanExecution.handler(sandbox.client, Clock.systemUTC());
            Plan planned = addSam(sandbox);
            long pat = sandbox.client.findCustomerByEmail("pat@acme.example").orElseThrow().id();
            // A careless plan: Pat is a member of Acme already, so the back end refuses a second membership.
            Plan careless = new Plan(planned.ticketId(), planned.purpose(), EVIDENCE, planned.facts(),
                    List.of(new PortalChange.CreateMembership(pat, acme(sandbox))), planned.goal());
            Preview preview = careless.preview();
            String refusal = preview.steps().get(0).refusal();
            assertThat(refusal).as("the model's prediction").isNotNull();
            PlanRun run = new PlanRun(APPROVAL, careless, preview);
            Effect.RunPlanStep step = run.step(1);

            assertThatThrownBy(() -> handler.run(run.queued(step), step, false))
                    .isInstanceOfSatisfying(OutboundException.class, e -> {
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.failure()).isEqualTo(OutboundException.Failure.REJECTED);
                    })
                    .hasMessageContaining("step 1 (Add Pat Lee")
                    .hasMessageContaining("409")
                    .hasMessageContaining(refusal);
            assertThat(Snapshot.of(world(sandbox, step.scope()))).isEqualTo(step.expectedBefore());
        }
    }

    @Test
    void a_back_end_that_ends_otherwise_than_predicted_is_named_in_the_result_and_the_audit() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            EffectHandler<Effect.RunPlanStep> handler = PlanExecution.handler(sandbox.client, Clock.systemUTC());
            PlanRun run = PlanRun.of(APPROVAL, addSam(sandbox));
            Effect.RunPlanStep planned = run.step(1);
            // A prediction that the membership changes nothing: the portal will not agree.
            Effect.RunPlanStep step = new Effect.RunPlanStep(planned.key(), APPROVAL, 1, 0, planned.change(), planned.scope(),
                    planned.expectedBefore(), planned.expectedBefore());

            EffectHandler.Ran ran = handler.run(run.queued(step), step, false);

            String expected = "new membership of sam@acme.example in billing account " + acme(sandbox);
            assertThat(ran.result()).containsEntry(Effect.RunPlanStep.ALREADY_DONE, "false")
                    .containsEntry(PlanStepHandler.DIFFERS_FROM_PREVIEW, expected);
            assertThat(ran.audit().get(0).detail()).contains("differs from the preview: " + expected);
            assertThat(read(ran.audit().get(0).after())).isEqualTo(planned.expectedAfter());
        }
    }

    @Test
    void a_portal_that_does_not_answer_is_left_to_the_inbox_to_retry() {
        HttpPortalClient unreachable = HttpPortalClient.builder(() -> "http://127.0.0.1:1/api/v1")
                .timeout(Duration.ofMillis(500))
                .retry(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .build();
        EffectHandler<Effect.RunPlanStep> handler = PlanExecution.handler(unreachable, Clock.systemUTC());
        Snapshot empty = Snapshot.of(new BackendState(List.of(), List.of(), List.of()));
        Effect.RunPlanStep step = new Effect.RunPlanStep("k", APPROVAL, 1, 0, new PortalChange.SendSignInLink(7),
                new PlanScope(List.of(5L), List.of("sam@acme.example")), empty, empty);

        assertThatThrownBy(() -> handler.run(new EffectStep(1L, 9, 1, 0, List.of(step)), step, false))
                .isInstanceOfSatisfying(OutboundException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.failure()).isEqualTo(OutboundException.Failure.UNAVAILABLE);
                })
                .hasMessageContaining("reading the back end before step 1")
                .hasMessageContaining("unreachable");
    }

    @Test
    void the_idempotency_key_names_approval_step_and_retry_round() {
        assertThat(PlanStepHandler.key(12, 3, 0).value()).isEqualTo("approval-12-step-3");
        assertThat(PlanStepHandler.key(12, 3, 2).value()).isEqualTo("approval-12-step-3-round-2");
    }

    /** Sam Rivera added to Acme, planned from the facts the {@code PlanFactsOf} source answers. */
    static Plan addSam(SandboxBot sandbox) {
        PlanFacts facts = (PlanFacts) PlanExecution.factSource(sandbox.client)
                .answer(new FactRequest.PlanFactsOf("A-S00001001", List.of("sam@acme.example")), Map.of());
        Planning planning = AddContactPlanner.plan(new AddContactPlanner.Request(7, EVIDENCE, facts.state(),
                facts.billingAccountId(), "sam@acme.example", facts.historyOf("sam@acme.example"), false));
        assertThat(planning).isInstanceOf(Planning.Proposed.class);
        return ((Planning.Proposed) planning).plan();
    }

    static long acme(SandboxBot sandbox) {
        return sandbox.client.findBillingAccountByZuoraId("A00001001").orElseThrow().id();
    }

    static BackendState world(SandboxBot sandbox, PlanScope scope) {
        return new PlanWorld(sandbox.client.withoutCache()).read(scope);
    }

    static Snapshot read(String json) {
        try {
            return Json.MAPPER.readValue(json, Snapshot.class);
        } catch (IOException e) {
            throw new AssertionError("not a snapshot: " + json, e);
        }
    }
}
