package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.ContactRole;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.Workflow;
import dev.supportbot.workflows.engine.WorkflowRegistry;
import dev.supportbot.workflows.ownership.OwnershipState;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import dev.supportbot.workflows.plan.BackendState;
import dev.supportbot.workflows.plan.Evidence;
import dev.supportbot.workflows.plan.Goal;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.PlanScope;
import dev.supportbot.workflows.plan.PortalChange;
import dev.supportbot.workflows.plan.Snapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** States, events and effects persist and load equal, with sealed types nested at any depth. */
class WorkflowJsonTest {
    /** A sealed type no root names directly: reachable only through a state's record components. */
    sealed interface Mark permits Mark.Plain, Mark.Counted {
        @JsonTypeName("Plain")
        record Plain(String text) implements Mark {}

        @JsonTypeName("Counted")
        record Counted(int count) implements Mark {}
    }

    sealed interface PlanningState permits PlanningState.Idle, PlanningState.Holding {
        @JsonTypeName("Idle")
        record Idle() implements PlanningState {}

        @JsonTypeName("Holding")
        record Holding(Plan plan, Mark mark, List<Mark> marks, Map<String, Mark> byName, Event lastEvent) implements PlanningState {}
    }

    private static final class PlanningWorkflow implements Workflow<PlanningState> {
        public String kind() { return "planning"; }
        public String startTag() { return "planning_start"; }
        public Outcome outcome(PlanningState state) { return new Outcome(kind(), "running", false, Map.of()); }
        public Class<PlanningState> stateType() { return PlanningState.class; }
        public PlanningState initialState() { return new PlanningState.Idle(); }
        public List<FactRequest<?>> factsNeeded(PlanningState state, Event event) { return List.of(); }
        public Decision<PlanningState> decide(PlanningState state, Event event, Facts facts, Context ctx) { return Decision.unchanged(state); }
        public boolean finished(PlanningState state) { return false; }
    }

    private final WorkflowJson json = new WorkflowJson(WorkflowRegistry.of(new PlanningWorkflow()));

    static final Contact SOLD_TO = new Contact("Sam", "Rivera", "sam@acme.example", "1 Main St");

    static Plan planWithEveryChange() {
        List<PortalChange> changes = List.of(
                new PortalChange.CreateMembership(11, 21),
                new PortalChange.DeleteMembership(31, 11, 22),
                new PortalChange.UpdateCustomer(11, "Sam", "Rivera", "sam@acme.example", true),
                new PortalChange.SetLoginActivated(11, true),
                new PortalChange.UpdateBillingContact(21, ContactRole.SOLD_TO, SOLD_TO),
                new PortalChange.UnlinkGitLabAccount(11),
                new PortalChange.SendSignInLink(11),
                new PortalChange.ResendConfirmation(11),
                new PortalChange.ResendLicense(41, "sam@acme.example"),
                new PortalChange.ResendActivationCode("A-S00012345", "sam@acme.example"),
                new PortalChange.DuplicateLicense(41, 30));
        return new Plan(501, "add a contact", List.of(new Evidence("ownership", "verified by invoice")),
                new BackendState(List.of(), List.of(), List.of()), changes,
                new Goal(21, SOLD_TO, SOLD_TO, List.of("sam@acme.example")));
    }

    @Test
    void a_state_holding_a_plan_with_every_kind_of_change_and_nested_sealed_fields_round_trips_equal() {
        Plan plan = planWithEveryChange();
        assertThat(plan.changes()).extracting(c -> (Object) c.getClass())
                .containsExactlyInAnyOrder((Object[]) PortalChange.class.getPermittedSubclasses());
        PlanningState state = new PlanningState.Holding(plan, new Mark.Counted(2),
                List.of(new Mark.Plain("a"), new Mark.Counted(3)), Map.of("x", new Mark.Plain("b")),
                new Event.WorkflowFinished(new Outcome("ownership_verification", Outcome.VERIFIED, true,
                        Map.of(Outcome.SUBSCRIPTION, "A-S00012345"))));

        String written = json.write(state, PlanningState.class);

        assertThat(json.read(written, PlanningState.class)).isEqualTo(state);
        assertThat(written).contains("\"@type\":\"Counted\"", "\"@type\":\"Plain\"", "\"type\":\"duplicate_license\"");
    }

    @Test
    void an_effect_list_with_an_approval_request_and_a_plan_step_round_trips_equal() {
        Plan plan = planWithEveryChange();
        Snapshot before = Snapshot.of(plan.facts());
        List<Effect> effects = List.of(
                new Effect.RequestApproval("approval-1", plan, 2, Duration.ofHours(72)),
                new Effect.RunPlanStep("step-1", 7, 1, 0, plan.changes().get(4), new PlanScope(List.of(21L), List.of("sam@acme.example")),
                        before, before),
                new Effect.UpdateApproval(7, Effect.UpdateApproval.Phase.FAILED, List.of("step 1 failed"), 1),
                new Effect.StartWorkflow("ownership_verification"), new Effect.Continue("again"));

        assertThat(json.readEffects(json.writeEffects(effects))).isEqualTo(effects);
        EffectStep step = new EffectStep(3L, 501, 4, 1, effects);
        assertThat(json.read(json.write(step, EffectStep.class), EffectStep.class)).isEqualTo(step);
    }

    @Test
    void the_new_effects_of_what_people_read_round_trip_and_an_escalation_stored_before_them_still_loads() {
        List<Effect> effects = List.of(
                new Effect.SlackMessage("Ticket #501: verified.", "Ownership verified",
                        List.of(new Effect.SlackMessage.Field("Outcome", "verified with an invoice")),
                        List.of(new Effect.SlackMessage.Button("ownership_cancel", "Cancel", true))),
                new Effect.SlackMessage("plain"),
                new Effect.UpdateLinkedTicket(987, "Hello, ...", "solved"));
        assertThat(json.readEffects(json.writeEffects(effects))).isEqualTo(effects);

        WorkflowJson ownership = new WorkflowJson(WorkflowRegistry.of(new OwnershipVerification()));
        OwnershipState.Escalated now = new OwnershipState.Escalated(501, "A-S00012345", "slack:U1", null, null,
                java.time.Instant.parse("2026-12-01T10:00:00Z"), 987L);
        assertThat(ownership.read(ownership.write(now, OwnershipState.class), OwnershipState.class)).isEqualTo(now);
        String before = ownership.write(now, OwnershipState.class).replace(",\"soldToTicketId\":987", "");
        assertThat(before).doesNotContain("soldToTicketId");
        assertThat(ownership.read(before, OwnershipState.class))
                .isEqualTo(new OwnershipState.Escalated(501, "A-S00012345", "slack:U1", null, null, now.at()));
    }
}
