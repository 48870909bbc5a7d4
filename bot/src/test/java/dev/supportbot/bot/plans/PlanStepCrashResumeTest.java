package dev.supportbot.bot.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.engine.AuditLog;
import dev.supportbot.bot.engine.EffectDispatcher;
import dev.supportbot.bot.engine.EffectStep;
import dev.supportbot.workflows.Workflows;
import dev.supportbot.bot.engine.TestEngines;
import dev.supportbot.bot.engine.WorkflowEngine;
import dev.supportbot.bot.engine.WorkflowJson;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.InboxEvent;
import dev.supportbot.bot.sandbox.SandboxBot;
import dev.supportbot.workflows.domain.MailDelivery;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.PlanFacts;
import dev.supportbot.workflows.engine.Policy;
import dev.supportbot.workflows.plan.Evidence;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.Planning;
import dev.supportbot.workflows.plan.TypoFixPlanner;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Plan steps through the effect queue's dispatcher, each delivered twice with the first completion lost (a crash
 * after the portal call, before the commit): every change reaches the portal once, and the step's audit entry,
 * with the back end before and after it, commits with the completion that did commit. No secret is audited.
 */
class PlanStepCrashResumeTest {
    private static final long TICKET = 9001;

    @Test
    void a_plan_whose_every_step_is_redelivered_after_a_crash_changes_the_portal_once() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            Clock clock = Clock.systemUTC();
            WorkflowJson json = new WorkflowJson(Workflows.ALL);
            WorkflowEngine engine = TestEngines.engine(Workflows.ALL, clock);
            EffectDispatcher dispatcher = new EffectDispatcher(TestEngines.handlers(List.of(PlanExecution.handler(sandbox.client, clock))),
                    engine, clock, 8);
            PlanRun run = PlanRun.of(77, typoFix(sandbox));
            assertThat(run.plan().changes()).extracting(c -> c.getClass().getSimpleName())
                    .containsExactly("UpdateCustomer", "ResendActivationCode");

            for (int number = 1; number <= run.plan().changes().size(); number++) {
                String payload = json.write(run.queued(run.step(number)), EffectStep.class);
                dispatcher.dispatch(event(number, payload, 1)); // its commit never happens
                Handled redelivered = dispatcher.dispatch(event(number, payload, 2));
                sandbox.jdbi().useTransaction(h -> redelivered.commit().apply(h));
            }

            assertThat(sandbox.client.findCustomerByEmail("alice@umbrella.example")).isPresent();
            assertThat(sandbox.client.findCustomerByEmail("alice@umbrela.example")).isEmpty();
            assertThat(sandbox.client.mailDeliveries("alice@umbrella.example")).extracting(MailDelivery::subject)
                    .singleElement().asString().startsWith("Your GitLab activation code");
            List<AuditLog.Entry> steps = new AuditLog(sandbox.bot.database()).forTicket(TICKET).stream()
                    .filter(e -> e.action().equals("plan step")).toList();
            assertThat(steps).hasSize(2);
            // Step 1 shows in the back end, so the redelivery finds it done; step 2 (a mail) shows nowhere, so it is
            // called again and the portal answers it from its idempotency key without mailing twice.
            assertThat(steps.get(0).detail()).startsWith("approval 77, step 1: Edit Alice Abernathy").contains("already done");
            assertThat(steps.get(1).detail()).startsWith("approval 77, step 2: ").doesNotContain("already done");
            for (int i = 0; i < steps.size(); i++) {
                assertThat(PlanStepHandlerTest.read(steps.get(i).before())).isEqualTo(run.step(i + 1).expectedBefore());
                assertThat(PlanStepHandlerTest.read(steps.get(i).after())).isEqualTo(run.step(i + 1).expectedAfter());
            }
            String code = sandbox.activationCode("A-S00004001");
            assertThat(steps).allSatisfy(e -> assertThat(e.detail() + e.before() + e.after()).doesNotContain(code));
        }
    }

    private static InboxEvent event(int number, String payload, int attempts) {
        return new InboxEvent(number, EffectStep.SOURCE, "effect:plan:" + number, "RunPlanStep", TICKET, payload, attempts,
                Instant.now(), "claim-" + attempts);
    }

    private static Plan typoFix(SandboxBot sandbox) {
        PlanFacts facts = (PlanFacts) PlanExecution.factSource(sandbox.client)
                .answer(new FactRequest.PlanFactsOf("A-S00004001", List.of("alice@umbrella.example")), Map.of());
        Planning planning = TypoFixPlanner.plan(new TypoFixPlanner.Request(TICKET,
                List.of(new Evidence("account manager", "confirmed the typo")), facts.state(), facts.billingAccountId(),
                "alice@umbrella.example", TypoFixPlanner.Resend.activationCode("A-S00004001")));
        assertThat(planning).isInstanceOf(Planning.Proposed.class);
        return ((Planning.Proposed) planning).plan();
    }
}
