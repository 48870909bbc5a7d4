package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.Workflows;
import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.approved.StepResult;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.plan.BackendState;
import dev.supportbot.workflows.plan.Evidence;
import dev.supportbot.workflows.plan.Goal;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.PlanJson;
import dev.supportbot.workflows.plan.PortalChange;
import dev.supportbot.workflows.plan.TypoFixPlanner.Resend;
import dev.supportbot.workflows.typofix.TypoFixState;
import dev.supportbot.workflows.typofix.TypoFixState.*;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every typo fix state survives the instance store's JSON, the plan with the same hash. */
class TypoFixStateJsonTest {
    private final WorkflowJson json = new WorkflowJson(Workflows.ALL);

    @Test
    void every_state_reads_back_as_written() {
        String typo = "alice@umbrela.example";
        String fixed = "alice@umbrella.example";
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        Contact alice = new Contact("Alice", "Abernathy", typo, "545 S Birdneck Rd");
        BackendState facts = new BackendState(List.of(new Customer(1401, "Alice", "Abernathy", typo, "Umbrella", true, null)),
                List.of(new BillingAccount(1004, "A00004001", "Umbrella", alice, alice, null)), List.of(new Membership(4, 1401, 1004)));
        Contact corrected = new Contact("Alice", "Abernathy", fixed, "545 S Birdneck Rd");
        Plan plan = new Plan(801, "fix a typo in the Sold To email", List.of(new Evidence("mail bounced", "550")), facts,
                List.of(new PortalChange.UpdateCustomer(1401, null, null, fixed, true),
                        new PortalChange.ResendActivationCode("A-S00004001", fixed)),
                new Goal(1004, corrected, corrected, List.of(fixed)));
        String hash = PlanJson.hash(plan);
        Target cloud = new Target(typo, "A-S00004001", true, Resend.activationCode("A-S00004001"));
        Target legacy = new Target(typo, "A-S00004001", false, Resend.license(1401));
        Bounce bounce = new Bounce(typo, 550, "5.1.1 mailbox unavailable", at);
        List<StepResult> results = List.of(StepResult.DONE, StepResult.FAILED);
        List<TypoFixState> states = List.of(
                new Requested(null),
                new Requested(typo),
                new Checking(801, cloud, fixed),
                new AwaitingConfirmation(801, legacy, bounce, null, at, 1, 2),
                new Planning(801, cloud, bounce, fixed),
                new Gate(801, cloud, bounce, fixed, new Gated.Ask(plan, hash, null, at)),
                new Gate(801, cloud, null, fixed, new Gated.Run(plan, hash, 31, List.of("slack:U1"), 2, 1, results)),
                new Gate(801, cloud, null, fixed, new Gated.Halt(plan, hash, 31, List.of("slack:U1"), 2, 0, results)),
                new Done(fixed, new Gated.Approval(801, "A-S00004001", 31, List.of("slack:U1"), at)),
                new GateEnd(new Gated.HandedOver(new Gated.Approval(801, "A-S00004001", 31, List.of("slack:U1"), at))),
                new Stopped(801, "A-S00005001", StopReason.CODE_USED, at),
                new NothingToDo(801, "A-S00004001", at),
                new GateEnd(new Gated.Rejection(801, "A-S00004001", 31, "slack:U1", at)),
                new Expired(801, "A-S00004001", Wait.CONFIRMATION, at),
                new GateEnd(new Gated.Cancellation(801, "slack:UAGENT", at)));
        assertThat(states.stream().map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(TypoFixState.class.getPermittedSubclasses()));

        for (TypoFixState state : states) {
            String text = json.write(state, TypoFixState.class);
            assertThat(json.read(text, TypoFixState.class)).as(text).isEqualTo(state);
        }
        Gate back = (Gate) json.read(json.write(states.get(6), TypoFixState.class), TypoFixState.class);
        assertThat(PlanJson.hash(back.plan())).isEqualTo(hash);
    }
}
