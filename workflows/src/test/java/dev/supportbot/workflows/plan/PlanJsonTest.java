package dev.supportbot.workflows.plan;

import static dev.supportbot.workflows.plan.World.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.workflows.domain.ContactRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plans persist and load with their nested sealed changes, and the hash binds exactly one plan. */
class PlanJsonTest {

    /** One plan holding every kind of change, so that each must round-trip. */
    static Plan everyKind() {
        return new Plan(42, "test", World.EVIDENCE, World.seeded().state(), List.of(
                new PortalChange.DeleteMembership(100, World.PAT, ACME),
                new PortalChange.CreateMembership(World.SAM, ACME),
                new PortalChange.UpdateCustomer(World.PAT, "Nia", "Ng", "nia@acme.example", true),
                PortalChange.UpdateCustomer.save(World.SAM),
                new PortalChange.SetLoginActivated(World.SAM, true),
                new PortalChange.UpdateBillingContact(ACME, ContactRole.BOTH, World.contact("Nia", "Ng", "nia@acme.example")),
                new PortalChange.UnlinkGitLabAccount(World.PAT),
                new PortalChange.SendSignInLink(World.PAT),
                new PortalChange.ResendConfirmation(World.PAT),
                new PortalChange.ResendLicense(1101, "nia@acme.example"),
                new PortalChange.ResendActivationCode("A-S00001001", "nia@acme.example"),
                new PortalChange.DuplicateLicense(1101, 12)),
                new Goal(ACME, World.contact("Nia", "Ng", "nia@acme.example"), null, List.of("nia@acme.example")));
    }

    @Test
    void a_plan_with_every_kind_of_change_round_trips() {
        Plan plan = everyKind();

        String json = PlanJson.write(plan);

        assertThat(PlanJson.read(json)).isEqualTo(plan);
        assertThat(json).contains("\"type\":\"update_billing_contact\"", "\"type\":\"duplicate_license\"");
        assertThat(plan.changes().stream().map(Object::getClass).distinct())
                .containsExactlyInAnyOrder(PortalChange.class.getPermittedSubclasses());
        assertThat(json).as("canonical: properties sorted, no whitespace").startsWith("{\"changes\":[{\"type\":")
                .contains("\"purpose\":\"test\",\"ticketId\":42}").doesNotContain(" \"", "\n");
    }

    @Test
    void the_hash_is_stable_and_survives_a_round_trip() {
        Plan plan = everyKind();

        assertThat(PlanJson.hash(plan)).matches("[0-9a-f]{64}")
                .isEqualTo(PlanJson.hash(everyKind()))
                .isEqualTo(PlanJson.hash(PlanJson.read(PlanJson.write(plan))));
    }

    @Test
    void any_change_to_a_step_its_order_the_facts_or_the_goal_changes_the_hash() {
        Plan plan = everyKind();
        List<PortalChange> swapped = new ArrayList<>(plan.changes());
        swapped.set(0, plan.changes().get(1));
        swapped.set(1, plan.changes().get(0));
        List<PortalChange> otherCount = new ArrayList<>(plan.changes());
        otherCount.set(otherCount.size() - 1, new PortalChange.DuplicateLicense(1101, 13));

        assertThat(List.of(
                plan.withChanges(swapped),
                plan.withChanges(otherCount),
                new Plan(43, plan.purpose(), plan.evidence(), plan.facts(), plan.changes(), plan.goal()),
                new Plan(42, plan.purpose(), plan.evidence(), World.seeded().withLogin(World.SAM, false).state(),
                        plan.changes(), plan.goal()),
                new Plan(42, plan.purpose(), plan.evidence(), plan.facts(), plan.changes(),
                        new Goal(ACME, World.contact("Nia", "Ng", "nia@acme.example"), null, List.of()))))
                .extracting(PlanJson::hash)
                .doesNotContain(PlanJson.hash(plan))
                .doesNotHaveDuplicates();
    }

    @Test
    void text_that_is_no_plan_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> PlanJson.read("{\"changes\":[{\"type\":\"drop_database\"}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a plan:");
    }
}
