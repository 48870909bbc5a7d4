package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.Workflows;
import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.approved.Phases;
import dev.supportbot.workflows.approved.StepResult;
import dev.supportbot.workflows.changecontact.ChangeContactState;
import dev.supportbot.workflows.changecontact.ChangeContactState.*;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.ContactRole;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.plan.BackendState;
import dev.supportbot.workflows.plan.Evidence;
import dev.supportbot.workflows.plan.Goal;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.PlanJson;
import dev.supportbot.workflows.plan.PortalChange;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every contact change state survives the instance store's JSON, the plan with the same hash. */
class ChangeContactStateJsonTest {
    private final WorkflowJson json = new WorkflowJson(Workflows.ALL);

    @Test
    void every_state_reads_back_as_written() {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        Contact pat = new Contact("Pat", "Lee", "pat@acme.example", "1 Roadrunner Way");
        Contact sam = new Contact("Sam", "Rivera", "sam@acme.example", "1 Roadrunner Way");
        Contact bo = new Contact("Bo", "Chan", "billing@acme.example", "1 Roadrunner Way");
        BackendState facts = new BackendState(List.of(new Customer(1101, "Pat", "Lee", "pat@acme.example", "Acme", true, 5001L),
                new Customer(1102, "Sam", "Rivera", "sam@acme.example", "Acme", true, null)),
                List.of(new BillingAccount(1001, "A00001001", "Acme", pat, bo, null)), List.of(new Membership(1, 1101, 1001)));
        Plan plan = new Plan(901, "change the subscription management contact (existing user)",
                List.of(new Evidence("ownership verified", "invoice")), facts,
                List.of(new PortalChange.CreateMembership(1102, 1001), new PortalChange.DeleteMembership(1, 1101, 1001),
                        new PortalChange.UpdateBillingContact(1001, ContactRole.SOLD_TO, sam)),
                new Goal(1001, sam, bo, List.of("sam@acme.example")));
        String hash = PlanJson.hash(plan);
        Requester requester = new Requester("Sam Rivera", "sam@acme.example");
        List<StepResult> results = List.of(StepResult.DONE, StepResult.FAILED, StepResult.NOT_RUN);
        List<ChangeContactState> states = List.of(
                new Requested(null),
                new Requested("pat@acme.example"),
                new AwaitingSelfService(901, requester, "A-S00001001", at, 1),
                new AwaitingSelfService(901, requester, null, at, 0),
                new AwaitingOwnership(901, requester, null, at),
                new AwaitingOwnership(901, requester, "pat@acme.example", at),
                new Planning(901, requester, "A-S00001001", Path.SUPPORT_ASSISTED, "invoice", null, false, "plan-facts"),
                new Planning(901, requester, "A-S00001001", Path.SUPPORT_ASSISTED, "invoice", null, true, "plan-facts-after-answer"),
                new AwaitingAnswer(901, requester, "A-S00001001", "invoice", at, 5, true, Set.of(101L, 102L)),
                new Planning(901, requester, "A-S00001001", Path.REMOVE_MEMBERSHIP, "invoice", "pat@acme.example", false, "plan-facts"),
                new Gate(901, requester, "A-S00001001", Path.SUPPORT_ASSISTED, new Gated.Ask(plan, hash, null, at)),
                new Gate(901, requester, "A-S00001001", Path.SUPPORT_ASSISTED, new Gated.Run(plan, hash, 31, List.of("slack:U1", "slack:U2"), 2, 1, results)),
                new Gate(901, requester, "A-S00001001", Path.SUPPORT_ASSISTED, new Gated.Halt(plan, hash, 31, List.of("slack:U1", "slack:U2"), 2, 0, results)),
                new Done(901, "A-S00001001", Path.SELF_SERVICE, null, at),
                new Done(901, "A-S00001001", Path.SUPPORT_ASSISTED, 31L, at),
                new NotVerified(901, "rejected", at),
                new Declined(901, "A-S00001001", at),
                new NeedsHuman(901, "A-S00001001", Handoff.UNCLEAR_ANSWER, at),
                new Expired(901, "A-S00001001", Wait.ANSWER, at),
                new GateEnd(new Gated.Rejection(901, "A-S00001001", 31, "slack:U1", at)),
                new GateEnd(new Gated.HandedOver(new Gated.Approval(901, "A-S00001001", 31, List.of("slack:U1", "slack:U2"), at))),
                new Expired(901, null, Wait.SELF_SERVICE, at),
                new GateEnd(new Gated.Cancellation(901, "slack:UAGENT", at)));
        assertThat(states.stream().map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(ChangeContactState.class.getPermittedSubclasses()));

        for (ChangeContactState state : states) {
            String text = json.write(state, ChangeContactState.class);
            assertThat(json.read(text, ChangeContactState.class)).as(text).isEqualTo(state);
        }
        Gate back = (Gate) json.read(json.write(states.stream().filter(Phases::isRunning).findFirst().orElseThrow(),
                ChangeContactState.class), ChangeContactState.class);
        assertThat(PlanJson.hash(back.plan())).isEqualTo(hash);
    }
}
