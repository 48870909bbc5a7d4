package dev.supportbot.workflows.plan;

import static dev.supportbot.workflows.plan.World.ACME;
import static dev.supportbot.workflows.plan.World.GAVIN;
import static dev.supportbot.workflows.plan.World.PAT;
import static dev.supportbot.workflows.plan.World.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.domain.ContactRole;
import dev.supportbot.workflows.plan.PortalChange.CreateMembership;
import dev.supportbot.workflows.plan.PortalChange.SetLoginActivated;
import dev.supportbot.workflows.plan.PortalChange.UpdateBillingContact;
import dev.supportbot.workflows.plan.PortalChange.UpdateCustomer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Plans a careless order would make, each refused for the hazard it would fire; and the safe ones pass. */
class PlanCheckTest {

    record Row(String name, World world, List<PortalChange> changes, Goal goal, List<String> problems) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Goal ACME_WITH_SAM = new Goal(ACME, World.contact("Pat", "Lee", "pat@acme.example"),
            World.contact("Bo", "Chan", "billing@acme.example"), List.of("pat@acme.example", "sam@acme.example"));

    static Stream<Row> rows() {
        return Stream.of(
                new Row("membership then login without saving the Sold To last: wrong Sold To",
                        World.seeded().withLogin(SAM, false),
                        List.of(new CreateMembership(SAM, ACME), new SetLoginActivated(SAM, true)), ACME_WITH_SAM,
                        List.of("the Sold To would end as Sam Rivera <sam@acme.example> instead of Pat Lee <pat@acme.example>")),
                new Row("the original Sold To saved last: passes", World.seeded().withLogin(SAM, false),
                        List.of(new CreateMembership(SAM, ACME), new SetLoginActivated(SAM, true), UpdateCustomer.save(PAT)),
                        ACME_WITH_SAM, List.of()),
                new Row("the Sold To saved FIRST: wrong Sold To", World.seeded().withLogin(SAM, false),
                        List.of(UpdateCustomer.save(PAT), new CreateMembership(SAM, ACME), new SetLoginActivated(SAM, true)),
                        ACME_WITH_SAM,
                        List.of("the Sold To would end as Sam Rivera <sam@acme.example> instead of Pat Lee <pat@acme.example>")),
                new Row("a second membership: refused step", World.seeded(),
                        List.of(new CreateMembership(GAVIN, ACME)),
                        new Goal(ACME, World.contact("Pat", "Lee", "pat@acme.example"),
                                World.contact("Bo", "Chan", "billing@acme.example"),
                                List.of("gavin@hooli.example", "pat@acme.example")),
                        List.of("step 1 (Add Gavin Belson <gavin@hooli.example> (customer 3) as a member of billing account"
                                        + " A00001001) would be refused: customer 3 already has a billing account membership",
                                "the members would be [pat@acme.example] instead of [gavin@hooli.example, pat@acme.example]")),
                new Row("the contact set before the customer: an unintended customer, then email taken", World.seeded(),
                        List.of(new UpdateBillingContact(ACME, ContactRole.SOLD_TO, World.contact("Pat", "Lee", "pat.lee@acme.example")),
                                new UpdateCustomer(PAT, null, null, "pat.lee@acme.example", true)),
                        new Goal(ACME, World.contact("Pat", "Lee", "pat.lee@acme.example"),
                                World.contact("Bo", "Chan", "billing@acme.example"), List.of("pat.lee@acme.example")),
                        List.of("step 2 (Edit Pat Lee <pat@acme.example> (customer 1): email pat.lee@acme.example (skip email"
                                        + " confirmation)) would be refused: Email has already been taken",
                                "the members would be [pat@acme.example] instead of [pat.lee@acme.example]",
                                "a customer would be created (new emails: [pat.lee@acme.example])")),
                new Row("login enabled while a member elsewhere: the other account's Sold To changes",
                        World.seeded().withLogin(SAM, false).withMembership(102, SAM, World.HOOLI),
                        List.of(new SetLoginActivated(SAM, true)),
                        new Goal(ACME, World.contact("Pat", "Lee", "pat@acme.example"),
                                World.contact("Bo", "Chan", "billing@acme.example"), List.of("pat@acme.example")),
                        List.of("the contacts of billing account 20 would change")),
                new Row("a goal for an account the facts do not hold", World.seeded(), List.of(),
                        new Goal(99, World.contact("Pat", "Lee", "pat@acme.example"), null, List.of()),
                        List.of("the goal's billing account 99 is not in the facts")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refuses_exactly_the_hazards(Row row) {
        Plan plan = new Plan(1, "test", World.EVIDENCE, row.world().state(), row.changes(), row.goal());

        assertThat(PlanCheck.problems(plan, plan.preview())).containsExactlyElementsOf(row.problems());
    }
}
