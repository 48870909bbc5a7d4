package dev.supportbot.workflows.plan;

import static dev.supportbot.workflows.plan.World.ACME;
import static dev.supportbot.workflows.plan.World.PAT;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.plan.Planning.Why;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Fix a typo in the Sold To email (docs/handbook.md, "Fix an email typo"): the customer first, then the contact if needed, then resend. */
class TypoFixPlannerTest {

    record Row(String name, World world, String corrected, TypoFixPlanner.Resend resend, Expect expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String TYPO = "pat@acme.exmaple";
    private static final String FIXED = "pat@acme.example";
    private static final String EDIT = "Edit Pat Lee <pat@acme.exmaple> (customer 1): email pat@acme.example (skip email confirmation)";

    /** Acme with Pat's email mistyped on the customer and the Sold To (and the Bill To when {@code billToToo}). */
    static World typo(boolean billToToo) {
        World w = World.seeded().withCustomer(new Customer(PAT, "Pat", "Lee", TYPO, "Acme", true, 5001L));
        BillingAccount a = w.account(ACME);
        Contact soldTo = World.contact("Pat", "Lee", TYPO);
        return w.withAccount(new BillingAccount(a.id(), a.zuoraAccountId(), a.company(), soldTo,
                billToToo ? soldTo : a.billTo(), null));
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("the customer's correction carries the Sold To; then the license", typo(false), FIXED,
                        TypoFixPlanner.Resend.license(1401), Expect.plan(List.of(EDIT, "Resend license 1401 to " + FIXED),
                                List.of(FIXED, FIXED))),
                new Row("Bill To mistyped too: both follow; then the activation code", typo(true), FIXED,
                        TypoFixPlanner.Resend.activationCode("A-S00004001"), Expect.plan(List.of(EDIT,
                                "Resend the activation code of A-S00004001 to " + FIXED), List.of(FIXED, FIXED))),
                new Row("customer no member: the Sold To is set after the customer", typo(false).withoutMembership(100), FIXED,
                        TypoFixPlanner.Resend.license(1401), Expect.plan(List.of(EDIT,
                                "Set the Sold To of billing account A00001001 to Pat Lee <" + FIXED + ">",
                                "Resend license 1401 to " + FIXED), List.of(TYPO, FIXED, FIXED))),
                new Row("the corrected address belongs to another customer", typo(false), "sam@acme.example",
                        TypoFixPlanner.Resend.license(1401), Expect.none(Why.NEEDS_HUMAN)),
                new Row("no customer has the mistyped address", typo(false).withoutCustomer(PAT), FIXED,
                        TypoFixPlanner.Resend.license(1401), Expect.none(Why.NEEDS_HUMAN)),
                new Row("the Sold To already has the corrected address: the resend alone", World.seeded(), FIXED,
                        TypoFixPlanner.Resend.license(1401), Expect.plan(List.of("Resend license 1401 to " + FIXED),
                                List.of(FIXED))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void plans(Row row) {
        row.expect().check(TypoFixPlanner.plan(new TypoFixPlanner.Request(42, World.EVIDENCE, row.world().state(), ACME,
                row.corrected(), row.resend())));
    }
}
