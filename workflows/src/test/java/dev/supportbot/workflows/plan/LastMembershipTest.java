package dev.supportbot.workflows.plan;

import static dev.supportbot.workflows.plan.World.ACME;
import static dev.supportbot.workflows.plan.World.HOOLI;
import static dev.supportbot.workflows.plan.World.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/handbook.md, Change the subscription management contact ("Removing a membership warns when it is the billing
 * account's last one"): when adding or changing a contact removes the requester's membership of another billing
 * account, the plan's evidence warns if that account is left without members, as {@code /lnr remove-membership} does.
 */
class LastMembershipTest {
    private static final String SAM_EMAIL = "sam@acme.example";

    record Row(String name, Function<World, Planning> planner, World world, boolean warns) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Planning addContact(World w) {
        return AddContactPlanner.plan(new AddContactPlanner.Request(42, World.EVIDENCE, w.state(), ACME, SAM_EMAIL,
                World.createdThen(), true));
    }

    static Planning changeContact(World w) {
        return ChangeContactPlanner.existingUser(new ChangeContactPlanner.ExistingUser(42, World.EVIDENCE, w.state(), ACME,
                SAM_EMAIL, World.createdThen(), true));
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("add contact: Sam is Hooli's only member", LastMembershipTest::addContact,
                        World.seeded().withoutMembership(101).withMembership(102, SAM, HOOLI), true),
                new Row("add contact: Gavin stays a member of Hooli", LastMembershipTest::addContact,
                        World.seeded().withMembership(102, SAM, HOOLI), false),
                new Row("add contact: Sam is no member elsewhere", LastMembershipTest::addContact, World.seeded(), false),
                new Row("change contact: Sam is Hooli's only member", LastMembershipTest::changeContact,
                        World.seeded().withoutMembership(101).withMembership(102, SAM, HOOLI), true),
                new Row("change contact: Gavin stays a member of Hooli", LastMembershipTest::changeContact,
                        World.seeded().withMembership(102, SAM, HOOLI), false),
                new Row("change contact: Sam is no member elsewhere", LastMembershipTest::changeContact, World.seeded(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void removing_the_requesters_last_membership_elsewhere_is_warned_of(Row row) {
        Planning.Proposed proposed = Expect.proposed(row.planner().apply(row.world()));
        List<Evidence> warnings = Expect.evidenceOf(proposed, ChangeContactPlanner.LAST_MEMBERSHIP);
        if (row.warns()) {
            assertThat(warnings).singleElement().satisfies(e -> assertThat(e.summary())
                    .startsWith("this is the only membership of billing account ").doesNotContain("A00001001"));
            assertThat(proposed.preview().end().membersOf(HOOLI)).isEmpty();
        } else {
            assertThat(warnings).isEmpty();
        }
        assertThat(proposed.plan().evidence()).containsAll(World.EVIDENCE);
    }
}
