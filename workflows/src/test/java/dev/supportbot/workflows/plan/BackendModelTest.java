package dev.supportbot.workflows.plan;

import static dev.supportbot.workflows.plan.World.ACME;
import static dev.supportbot.workflows.plan.World.GAVIN;
import static dev.supportbot.workflows.plan.World.HOOLI;
import static dev.supportbot.workflows.plan.World.PAT;
import static dev.supportbot.workflows.plan.World.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.domain.ContactRole;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.plan.PortalChange.CreateMembership;
import dev.supportbot.workflows.plan.PortalChange.DeleteMembership;
import dev.supportbot.workflows.plan.PortalChange.DuplicateLicense;
import dev.supportbot.workflows.plan.PortalChange.ResendLicense;
import dev.supportbot.workflows.plan.PortalChange.SendSignInLink;
import dev.supportbot.workflows.plan.PortalChange.SetLoginActivated;
import dev.supportbot.workflows.plan.PortalChange.UnlinkGitLabAccount;
import dev.supportbot.workflows.plan.PortalChange.UpdateBillingContact;
import dev.supportbot.workflows.plan.PortalChange.UpdateCustomer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every side effect and refusal of the back end, one row each: the model's prediction of Acme after one change. */
class BackendModelTest {

    /** Expected: the refusal (null: accepted), Acme's Sold To and Bill To as "First Last <email>", Acme's members, customers. */
    record Row(String name, World world, PortalChange change, String refusal, String soldTo, String billTo,
            List<String> members, List<String> customers) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String PAT_C = "Pat Lee <pat@acme.example>";
    private static final String BO_C = "Bo Chan <billing@acme.example>";
    private static final List<String> PAT_ONLY = List.of("pat@acme.example");
    private static final List<String> SEEDED = List.of("gavin@hooli.example", "pat@acme.example", "sam@acme.example");

    static Stream<Row> rows() {
        return Stream.of(
                new Row("saving the Sold To's customer rewrites the Sold To with its name", World.seeded()
                        .withCustomer(new Customer(PAT, "Patricia", "Lee", "pat@acme.example", "Acme", true, 5001L)),
                        UpdateCustomer.save(PAT), null, "Patricia Lee <pat@acme.example>", BO_C, PAT_ONLY, SEEDED),
                new Row("saving a member whose email no contact has replaces the Sold To", World.seeded()
                        .withMembership(102, SAM, ACME), UpdateCustomer.save(SAM), null, "Sam Rivera <sam@acme.example>",
                        BO_C, List.of("pat@acme.example", "sam@acme.example"), SEEDED),
                new Row("enabling login of a member is a save: it replaces the Sold To", World.seeded().withLogin(SAM, false)
                        .withMembership(102, SAM, ACME), new SetLoginActivated(SAM, true), null,
                        "Sam Rivera <sam@acme.example>", BO_C, List.of("pat@acme.example", "sam@acme.example"), SEEDED),
                new Row("saving a member who is only the Bill To rewrites the Bill To, not the Sold To", World.seeded()
                        .withCustomer(new Customer(7, "Bo", "Chang", "billing@acme.example", "Acme", true, null))
                        .withMembership(102, 7, ACME), UpdateCustomer.save(7), null, PAT_C, "Bo Chang <billing@acme.example>",
                        List.of("billing@acme.example", "pat@acme.example"), List.of("billing@acme.example",
                                "gavin@hooli.example", "pat@acme.example", "sam@acme.example")),
                new Row("saving a customer who is Sold To and Bill To rewrites both", World.seeded().withAcmeBillToSameAsSoldTo(),
                        new UpdateCustomer(PAT, "P", "Lee", null, false), null, "P Lee <pat@acme.example>",
                        "P Lee <pat@acme.example>", PAT_ONLY, SEEDED),
                new Row("saving a customer without membership touches no contact", World.seeded(), UpdateCustomer.save(SAM),
                        null, PAT_C, BO_C, PAT_ONLY, SEEDED),
                new Row("a confirmed email change carries the Sold To along", World.seeded(),
                        new UpdateCustomer(PAT, null, null, "pat.lee@acme.example", true), null,
                        "Pat Lee <pat.lee@acme.example>", BO_C, List.of("pat.lee@acme.example"),
                        List.of("gavin@hooli.example", "pat.lee@acme.example", "sam@acme.example")),
                new Row("an email change waiting for confirmation keeps the email", World.seeded(),
                        new UpdateCustomer(PAT, null, null, "pat.lee@acme.example", false), null, PAT_C, BO_C, PAT_ONLY, SEEDED),
                new Row("an email another customer has is refused", World.seeded(),
                        new UpdateCustomer(SAM, null, null, "PAT@acme.example", true), "Email has already been taken",
                        PAT_C, BO_C, PAT_ONLY, SEEDED),
                new Row("a contact with an email no customer has creates a customer", World.seeded(),
                        new UpdateBillingContact(ACME, ContactRole.SOLD_TO, World.contact("Nia", "Ng", "nia@acme.example")),
                        null, "Nia Ng <nia@acme.example>", BO_C, PAT_ONLY, List.of("gavin@hooli.example",
                                "nia@acme.example", "pat@acme.example", "sam@acme.example")),
                new Row("a contact with a customer's email creates none", World.seeded(),
                        new UpdateBillingContact(ACME, ContactRole.BOTH, World.contact("Sam", "Rivera", "sam@acme.example")),
                        null, "Sam Rivera <sam@acme.example>", "Sam Rivera <sam@acme.example>", PAT_ONLY, SEEDED),
                new Row("a membership changes no contact", World.seeded(), new CreateMembership(SAM, ACME), null, PAT_C, BO_C,
                        List.of("pat@acme.example", "sam@acme.example"), SEEDED),
                new Row("a second membership is refused", World.seeded(), new CreateMembership(GAVIN, ACME),
                        "customer 3 already has a billing account membership", PAT_C, BO_C, PAT_ONLY, SEEDED),
                new Row("deleting a membership leaves the contacts", World.seeded(), new DeleteMembership(100, PAT, ACME), null,
                        PAT_C, BO_C, List.of(), SEEDED),
                new Row("deleting a membership that does not exist is refused", World.seeded(),
                        new DeleteMembership(999, PAT, ACME), "membership 999 does not exist", PAT_C, BO_C, PAT_ONLY, SEEDED),
                new Row("a sign-in link needs login activated", World.seeded().withLogin(SAM, false), new SendSignInLink(SAM),
                        "login is not activated for customer 2", PAT_C, BO_C, PAT_ONLY, SEEDED),
                new Row("unlinking needs a linked account", World.seeded(), new UnlinkGitLabAccount(SAM),
                        "customer 2 has no linked GitLab.com account", PAT_C, BO_C, PAT_ONLY, SEEDED),
                new Row("unlinking is no save: the contacts stay", World.seeded(), new UnlinkGitLabAccount(PAT), null,
                        PAT_C, BO_C, PAT_ONLY, SEEDED),
                new Row("licenses are outside the state", World.seeded(), new DuplicateLicense(1, 20), null, PAT_C, BO_C,
                        PAT_ONLY, SEEDED),
                new Row("a resend needs an email address", World.seeded(), new ResendLicense(1, "nobody"),
                        "email is not an email address", PAT_C, BO_C, PAT_ONLY, SEEDED),
                new Row("a change to an unknown customer is refused", World.seeded(), UpdateCustomer.save(99),
                        "customer 99 does not exist", PAT_C, BO_C, PAT_ONLY, SEEDED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void predicts(Row row) {
        BackendState before = row.world().state();
        BackendModel.Result result = BackendModel.apply(before, row.change());

        assertThat(result.refusal()).isEqualTo(row.refusal());
        if (row.refusal() != null) assertThat(result.state()).isEqualTo(before);
        Snapshot after = Snapshot.of(result.state());
        Snapshot.AccountContacts acme = after.account(ACME);
        assertThat(acme.soldTo().fullName() + " <" + acme.soldTo().email() + ">").isEqualTo(row.soldTo());
        assertThat(acme.billTo().fullName() + " <" + acme.billTo().email() + ">").isEqualTo(row.billTo());
        assertThat(acme.soldTo().address()).as("the postal address stays").isEqualTo(World.ACME_ADDRESS);
        assertThat(after.membersOf(ACME)).isEqualTo(row.members());
        assertThat(after.customerEmails()).isEqualTo(row.customers());
        assertThat(after.account(HOOLI)).as("another account is never touched").isEqualTo(Snapshot.of(before).account(HOOLI));
    }
}
