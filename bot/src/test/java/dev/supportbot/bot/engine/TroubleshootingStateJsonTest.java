package dev.supportbot.bot.engine;

import dev.supportbot.workflows.Workflows;
import static org.assertj.core.api.Assertions.assertThat;

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
import dev.supportbot.workflows.troubleshooting.TroubleshootingState;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.PlannedFix;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.TrueUpFix;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every license troubleshooting state survives the instance store's JSON, the plan of a fix with the same hash. */
class TroubleshootingStateJsonTest {
    private final WorkflowJson json = new WorkflowJson(Workflows.ALL);

    @Test
    void every_state_reads_back_as_written() {
        Contact art = new Contact("Art", "Vandelay", "art@vandelay.example", "129 West 81st Street");
        BackendState facts = new BackendState(List.of(new Customer(1601, "Art", "Vandelay", "art@vandelay.example", "Vandelay", true, null)),
                List.of(new BillingAccount(1006, "A00006001", "Vandelay", art, art, null)), List.of(new Membership(1, 1601, 1006)));
        Plan plan = new Plan(4242, "correct the true-up", List.of(new Evidence("registration error", "2 vs 3")), facts,
                List.of(new PortalChange.DuplicateLicense(1605, 3)), new Goal(1006, art, art, List.of("art@vandelay.example")));
        TrueUpFix fix = new TrueUpFix(2, 2, 3, 1605, "A-S00006001", "art@vandelay.example", "the requester's reply of 7 December 2026, 10:02 UTC");
        PlannedFix planned = new PlannedFix(fix, plan, PlanJson.hash(plan), 42L, List.of("Mia Manager"), 1);
        List<TroubleshootingState> states = List.of(
                new TroubleshootingState.Requested(),
                new TroubleshootingState.Watching(4242, Set.of(1L, 2L)),
                new TroubleshootingState.Planning(4242, Set.of(2L), fix),
                new TroubleshootingState.AwaitingApproval(4242, Set.of(2L), new PlannedFix(fix, plan, PlanJson.hash(plan), null, List.of(), 0)),
                new TroubleshootingState.Executing(4242, Set.of(2L), planned),
                new TroubleshootingState.FixFailed(4242, Set.of(2L), planned, "portal answered 500"),
                new TroubleshootingState.Closed(4242, "cancelled by Agent Smith"));

        for (TroubleshootingState state : states) {
            String text = json.write(state, TroubleshootingState.class);
            TroubleshootingState back = json.read(text, TroubleshootingState.class);
            assertThat(back).as(text).isEqualTo(state);
        }
        TroubleshootingState.Executing back = (TroubleshootingState.Executing) json.read(
                json.write(states.get(4), TroubleshootingState.class), TroubleshootingState.class);
        assertThat(PlanJson.hash(back.fix().plan())).isEqualTo(planned.planHash());
    }
}
