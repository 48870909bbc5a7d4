package dev.supportbot.workflows.plan;

import static dev.supportbot.workflows.plan.World.ACME;
import static dev.supportbot.workflows.plan.World.HOOLI;
import static dev.supportbot.workflows.plan.World.PAT;
import static dev.supportbot.workflows.plan.World.SAM;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.HistoryEntry;
import dev.supportbot.workflows.plan.Planning.Why;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Change the subscription management contact (docs/handbook.md, "Change the subscription management contact"), existing and non-existing user. */
class ChangeContactPlannerTest {

    record ExistingRow(String name, World world, String newContact, List<HistoryEntry> history, boolean leaveOther,
            Expect expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    record NewRow(String name, World world, String email, Expect expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String ADD_SAM = "Add Sam Rivera <sam@acme.example> (customer 2) as a member of billing account A00001001";
    private static final String REMOVE_PAT = "Remove the membership of Pat Lee <pat@acme.example> (customer 1) in billing account A00001001";
    private static final String SAM_EMAIL = "sam@acme.example";
    private static final String PAT_EMAIL = "pat@acme.example";

    static Stream<ExistingRow> existing() {
        return Stream.of(
                new ExistingRow("add membership, remove the previous Sold To's, set the Sold To", World.seeded(), SAM_EMAIL,
                        World.createdThen(), false, Expect.plan(List.of(ADD_SAM, REMOVE_PAT,
                                "Set the Sold To of billing account A00001001 to Sam Rivera <sam@acme.example>"),
                                List.of(PAT_EMAIL, PAT_EMAIL, SAM_EMAIL))),
                new ExistingRow("Bill To = Sold To: only the Sold To passes to the new contact", World.seeded().withAcmeBillToSameAsSoldTo(),
                        SAM_EMAIL, World.createdThen(), false, Expect.plan(List.of(ADD_SAM, REMOVE_PAT,
                                "Set the Sold To of billing account A00001001 to Sam Rivera <sam@acme.example>"),
                                List.of(PAT_EMAIL, PAT_EMAIL, SAM_EMAIL))),
                new ExistingRow("login off: enabled before the membership exists", World.seeded().withLogin(SAM, false),
                        SAM_EMAIL, World.createdThen(), false, Expect.plan(List.of(
                                "Activate login of Sam Rivera <sam@acme.example> (customer 2)", ADD_SAM, REMOVE_PAT,
                                "Set the Sold To of billing account A00001001 to Sam Rivera <sam@acme.example>"),
                                List.of(PAT_EMAIL, PAT_EMAIL, PAT_EMAIL, SAM_EMAIL))),
                new ExistingRow("login switched off on purpose: a person decides", World.seeded().withLogin(SAM, false),
                        SAM_EMAIL, World.createdThen("false"), false, Expect.none(Why.NEEDS_HUMAN)),
                new ExistingRow("member elsewhere: ask first", World.seeded().withMembership(102, SAM, HOOLI), SAM_EMAIL,
                        World.createdThen(), false, Expect.none(Why.ASK_REQUESTER)),
                new ExistingRow("member elsewhere, agreed: that membership goes first", World.seeded()
                        .withMembership(102, SAM, HOOLI), SAM_EMAIL, World.createdThen(), true, Expect.plan(List.of(
                                "Remove the membership of Sam Rivera <sam@acme.example> (customer 2) in billing account A00005001",
                                ADD_SAM, REMOVE_PAT, "Set the Sold To of billing account A00001001 to Sam Rivera <sam@acme.example>"),
                                List.of(PAT_EMAIL, PAT_EMAIL, PAT_EMAIL, SAM_EMAIL))),
                new ExistingRow("the previous Sold To is no member: nothing to remove", World.seeded().withoutMembership(100),
                        SAM_EMAIL, World.createdThen(), false, Expect.plan(List.of(ADD_SAM,
                                "Set the Sold To of billing account A00001001 to Sam Rivera <sam@acme.example>"),
                                List.of(PAT_EMAIL, SAM_EMAIL))),
                new ExistingRow("no customer record: the non-existing user path", World.seeded(), "nia@acme.example",
                        List.of(), false, Expect.none(Why.NEEDS_HUMAN)),
                new ExistingRow("already the Sold To", World.seeded(), PAT_EMAIL, List.of(), false, Expect.none(Why.NOTHING_TO_DO)),
                // handbook (Customers Portal): resellers have no access to the portal or their customers' accounts
                new ExistingRow("a requester from the reseller's domain never becomes the Sold To",
                        World.seeded().withAcmeBoughtThroughReseller(), World.RESELLER_EMAIL, World.createdThen(), false,
                        Expect.none(Why.RESELLER_REQUESTER)),
                new ExistingRow("the customer's own staff of a reseller purchase is planned as usual",
                        World.seeded().withAcmeBoughtThroughReseller(), SAM_EMAIL, World.createdThen(), false,
                        Expect.plan(List.of(ADD_SAM, REMOVE_PAT,
                                "Set the Sold To of billing account A00001001 to Sam Rivera <sam@acme.example>"),
                                List.of(PAT_EMAIL, PAT_EMAIL, SAM_EMAIL))));
    }

    static Stream<NewRow> newUser() {
        String edit = "Edit Pat Lee <pat@acme.example> (customer 1): name Nia Ng email nia@acme.example (skip email confirmation)";
        String unlink = "Unlink the GitLab.com account of Nia Ng <nia@acme.example> (customer 1)";
        String link = "Send a one-time sign-in link to Nia Ng <nia@acme.example> (customer 1)";
        String nia = "nia@acme.example";
        return Stream.of(
                new NewRow("rename the Sold To's customer, unlink, sign-in link: the save carries the Sold To", World.seeded(),
                        nia, Expect.plan(List.of(edit, unlink, link), List.of(nia, nia, nia))),
                new NewRow("no linked account: no unlink", World.seeded().withCustomer(
                        new Customer(PAT, "Pat", "Lee", PAT_EMAIL, "Acme", true, null)), nia,
                        Expect.plan(List.of(edit, link), List.of(nia, nia))),
                new NewRow("Sold To's customer is no member: the Sold To is set at the end", World.seeded().withoutMembership(100),
                        nia, Expect.plan(List.of(edit, unlink, link,
                                "Set the Sold To of billing account A00001001 to Nia Ng <nia@acme.example>"),
                                List.of(PAT_EMAIL, PAT_EMAIL, PAT_EMAIL, nia))),
                new NewRow("no member and Bill To = Sold To: both contacts are set at the end",
                        World.seeded().withoutMembership(100).withAcmeBillToSameAsSoldTo(), nia,
                        Expect.plan(List.of(edit, unlink, link,
                                "Set the Sold To of billing account A00001001 to Nia Ng <nia@acme.example>",
                                "Set the Bill To of billing account A00001001 to Nia Ng <nia@acme.example>"),
                                List.of(PAT_EMAIL, PAT_EMAIL, PAT_EMAIL, nia, nia))),
                new NewRow("login off: the sign-in link would be refused, so no plan", World.seeded().withLogin(PAT, false), nia,
                        Expect.none(Why.NO_SAFE_ORDER)),
                new NewRow("the email has a customer: the existing user path", World.seeded(), SAM_EMAIL,
                        Expect.none(Why.NEEDS_HUMAN)),
                new NewRow("no customer has the Sold To's email", World.seeded().withoutCustomer(PAT), nia,
                        Expect.none(Why.NEEDS_HUMAN)),
                new NewRow("a new address at the reseller's domain never becomes the Sold To",
                        World.seeded().withAcmeBoughtThroughReseller(), "ron@partner.example", Expect.none(Why.RESELLER_REQUESTER)));
    }

    /** A row of "update Sold To" (after self-service) or "remove membership": the planner, its world, the email. */
    record EmailRow(String name, World world, String email, Expect expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<EmailRow> updateSoldTo() {
        String set = "Set the Sold To of billing account A00001001 to Sam Rivera <sam@acme.example>";
        return Stream.of(
                new EmailRow("Sam claimed the account and is a member: the Sold To is set to him", World.seeded()
                        .withMembership(102, SAM, ACME), SAM_EMAIL, Expect.plan(List.of(set), List.of(SAM_EMAIL))),
                new EmailRow("Bill To = Sold To: only the Sold To follows", World.seeded().withMembership(102, SAM, ACME)
                        .withAcmeBillToSameAsSoldTo(), SAM_EMAIL, Expect.plan(List.of(
                                "Set the Sold To of billing account A00001001 to Sam Rivera <sam@acme.example>"),
                        List.of(SAM_EMAIL))),
                new EmailRow("already the Sold To", World.seeded(), PAT_EMAIL, Expect.none(Why.NOTHING_TO_DO)),
                new EmailRow("no portal account: setting it would create a customer", World.seeded(), "nia@acme.example",
                        Expect.none(Why.NEEDS_HUMAN)),
                new EmailRow("not a member: self-service not finished", World.seeded(), SAM_EMAIL, Expect.none(Why.NEEDS_HUMAN)),
                new EmailRow("a reseller member is never set as the Sold To", World.seeded().withAcmeBoughtThroughReseller()
                        .withMembership(102, World.RITA, ACME), World.RESELLER_EMAIL, Expect.none(Why.RESELLER_REQUESTER)));
    }

    static Stream<EmailRow> removeMembership() {
        String removeSam = "Remove the membership of Sam Rivera <sam@acme.example> (customer 2) in billing account A00001001";
        return Stream.of(
                new EmailRow("one of two members", World.seeded().withMembership(102, SAM, ACME), SAM_EMAIL,
                        Expect.plan(List.of(removeSam), List.of(PAT_EMAIL))),
                new EmailRow("the only member: still planned, with a warning", World.seeded(), PAT_EMAIL,
                        Expect.plan(List.of(REMOVE_PAT), List.of(PAT_EMAIL))),
                new EmailRow("a member of another account only", World.seeded().withMembership(102, SAM, HOOLI), SAM_EMAIL,
                        Expect.none(Why.NOTHING_TO_DO)),
                new EmailRow("no customer", World.seeded(), "nia@acme.example", Expect.none(Why.NOTHING_TO_DO)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updateSoldTo")
    void update_sold_to(EmailRow row) {
        row.expect().check(ChangeContactPlanner.updateSoldTo(42, World.EVIDENCE, row.world().state(), ACME, row.email()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("removeMembership")
    void remove_membership(EmailRow row) {
        Planning planning = ChangeContactPlanner.removeMembership(42, World.EVIDENCE, row.world().state(), ACME, row.email());
        row.expect().check(planning);
        if (planning instanceof Planning.Proposed p) {
            boolean last = p.preview().end().membersOf(ACME).isEmpty();
            assertThat(p.plan().evidence()).extracting(Evidence::kind).contains("ownership");
            assertThat(p.plan().evidence().stream().anyMatch(e -> e.kind().equals(ChangeContactPlanner.LAST_MEMBERSHIP)))
                    .as("warned exactly when no member is left").isEqualTo(last);
            assertThat(p.preview().end().account(ACME)).isEqualTo(p.preview().before().account(ACME));
        }
    }

    /** A wrong ordering of the same plan, and the problem the check must find in its preview. */
    record HazardRow(String name, boolean newUser, List<PortalChange> steps, String problem) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<HazardRow> hazards() {
        var nia = World.contact("Nia", "Ng", "nia@acme.example");
        var sam = World.contact("Sam", "Rivera", SAM_EMAIL);
        return Stream.of(
                new HazardRow("new user: setting the Sold To first creates a customer", true, List.of(
                        new PortalChange.UpdateBillingContact(ACME, dev.supportbot.workflows.domain.ContactRole.SOLD_TO, nia)),
                        "a customer would be created"),
                new HazardRow("new user: without skip-confirmation the email stays and so does the Sold To", true, List.of(
                        new PortalChange.UpdateCustomer(PAT, "Nia", "Ng", "nia@acme.example", false)),
                        "the Sold To would end as Nia Ng <pat@acme.example>"),
                new HazardRow("existing user: the previous Sold To's membership left in place", false, List.of(
                        new PortalChange.CreateMembership(SAM, ACME),
                        new PortalChange.UpdateBillingContact(ACME, dev.supportbot.workflows.domain.ContactRole.SOLD_TO, sam)),
                        "the members would be [pat@acme.example, sam@acme.example]"),
                new HazardRow("existing user: the membership alone does not make him Sold To", false, List.of(
                        new PortalChange.CreateMembership(SAM, ACME), new PortalChange.DeleteMembership(100, PAT, ACME)),
                        "the Sold To would end as Pat Lee <pat@acme.example>"),
                new HazardRow("existing user: a second membership is refused", false, List.of(
                        new PortalChange.CreateMembership(SAM, ACME), new PortalChange.CreateMembership(SAM, HOOLI)),
                        "would be refused: customer 2 already has a billing account membership"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hazards")
    void a_wrong_order_is_caught_by_the_check(HazardRow row) {
        Planning planning = row.newUser()
                ? ChangeContactPlanner.newUser(new ChangeContactPlanner.NewUser(42, World.EVIDENCE, World.seeded().state(), ACME,
                        "Nia", "Ng", "nia@acme.example"))
                : ChangeContactPlanner.existingUser(new ChangeContactPlanner.ExistingUser(42, World.EVIDENCE,
                        World.seeded().state(), ACME, SAM_EMAIL, World.createdThen(), false));
        Plan wrong = ((Planning.Proposed) planning).plan().withChanges(row.steps());
        assertThat(PlanCheck.problems(wrong, wrong.preview())).anyMatch(p -> p.contains(row.problem()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("existing")
    void existing_user(ExistingRow row) {
        Planning planning = ChangeContactPlanner.existingUser(new ChangeContactPlanner.ExistingUser(42, World.EVIDENCE,
                row.world().state(), ACME, row.newContact(), row.history(), row.leaveOther()));
        row.expect().check(planning);
        if (planning instanceof Planning.Proposed p) {
            Snapshot end = p.preview().end();
            assertThat(end.memberships()).as("the new contact ends a member of this billing account only")
                    .filteredOn(m -> m.customerEmail().equals(row.newContact()))
                    .containsExactly(new Snapshot.Member(row.newContact(), ACME));
            assertThat(end.membersOf(ACME)).as("exactly the intended members").doesNotContain(PAT_EMAIL).contains(row.newContact());
            assertThat(end.account(ACME).soldTo().email()).isEqualTo(row.newContact());
            assertThat(end.account(HOOLI)).as("the other account's contacts are untouched")
                    .isEqualTo(p.preview().before().account(HOOLI));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newUser")
    void new_user(NewRow row) {
        row.expect().check(ChangeContactPlanner.newUser(new ChangeContactPlanner.NewUser(42, World.EVIDENCE,
                row.world().state(), ACME, "Nia", "Ng", row.email())));
    }
}
