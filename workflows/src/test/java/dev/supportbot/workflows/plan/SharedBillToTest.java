package dev.supportbot.workflows.plan;

import static dev.supportbot.workflows.plan.World.ACME;
import static dev.supportbot.workflows.plan.World.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/handbook.md, Change the subscription management contact: when the Sold To and the Bill To share one email, the
 * change must not silently move the Bill To. It stays where the plan can keep it, the evidence says so, and the Billing
 * team gets the ticket after the change (the gate reads {@link Evidence#SHARED_BILL_TO}).
 */
class SharedBillToTest {
    private static final String PAT_EMAIL = "pat@acme.example";
    private static final String SAM_EMAIL = "sam@acme.example";
    private static final String BO_EMAIL = "billing@acme.example";

    /** A change-contact plan of a world, the Bill To email it must end with, and whether its evidence names the Bill To. */
    record Row(String name, Function<World, Planning> planner, World world, String billToAfter, boolean saysSo) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Planning existing(World w) {
        return ChangeContactPlanner.existingUser(new ChangeContactPlanner.ExistingUser(42, World.EVIDENCE, w.state(), ACME,
                SAM_EMAIL, World.createdThen(), false));
    }

    static Planning afterSelfService(World w) {
        return ChangeContactPlanner.updateSoldTo(42, World.EVIDENCE, w.state(), ACME, SAM_EMAIL);
    }

    static Planning newUser(World w) {
        return ChangeContactPlanner.newUser(new ChangeContactPlanner.NewUser(42, World.EVIDENCE, w.state(), ACME, "Nia", "Ng",
                "nia@acme.example"));
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("existing user, shared email: the Bill To stays with Pat", SharedBillToTest::existing,
                        World.seeded().withAcmeBillToSameAsSoldTo(), PAT_EMAIL, true),
                new Row("existing user, own Bill To: it stays, nothing to say", SharedBillToTest::existing,
                        World.seeded(), BO_EMAIL, false),
                new Row("after self-service, shared email: the Bill To stays with Pat", SharedBillToTest::afterSelfService,
                        World.seeded().withMembership(102, SAM, ACME).withAcmeBillToSameAsSoldTo(), PAT_EMAIL, true),
                new Row("after self-service, own Bill To: it stays, nothing to say", SharedBillToTest::afterSelfService,
                        World.seeded().withMembership(102, SAM, ACME), BO_EMAIL, false),
                new Row("new user, shared email: the rename carries the Bill To, and the evidence says so",
                        SharedBillToTest::newUser, World.seeded().withAcmeBillToSameAsSoldTo(), "nia@acme.example", true),
                new Row("new user, own Bill To: it stays, nothing to say", SharedBillToTest::newUser, World.seeded(), BO_EMAIL,
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void a_bill_to_sharing_the_sold_to_email_is_never_moved_silently(Row row) {
        Planning.Proposed proposed = Expect.proposed(row.planner().apply(row.world()));
        assertThat(proposed.preview().end().account(ACME).billTo().email()).isEqualTo(row.billToAfter());
        List<Evidence> shared = Expect.evidenceOf(proposed, Evidence.SHARED_BILL_TO);
        if (row.saysSo()) {
            assertThat(shared).singleElement().satisfies(e -> assertThat(e.summary()).contains(PAT_EMAIL).contains("Billing team"));
        } else {
            assertThat(shared).isEmpty();
        }
        assertThat(proposed.plan().evidence()).containsAll(World.EVIDENCE);
    }
}
