package dev.supportbot.workflows.changecontact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.engine.PlanFacts;
import dev.supportbot.workflows.plan.BackendState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Handbook (Associating purchases, change the subscription management contact, self-service option): "If the requester
 * is an existing subscription contact and has access to the Customer Portal account or email address of the previous
 * owner", the steps. Both halves: a contact (Sold To, Bill To, member) who is the previous owner or writes from the
 * previous owner's own email domain; anyone else goes straight to the assisted path.
 */
class SelfServiceFitTest {
    static final String ACME_ADDRESS = "1 Roadrunner Way";
    static final String GLOBEX_ADDRESS = "200 Globex Plaza";
    /** Acme's Bill To is at Acme's domain; Globex's is at its finance firm's. */
    static final BackendState STATE = new BackendState(
            List.of(new Customer(1101, "Pat", "Lee", "pat@acme.example", "Acme", true, null),
                    new Customer(1102, "Sam", "Rivera", "sam@acme.example", "Acme", true, null),
                    new Customer(1103, "Max", "Ortiz", "max@contractor.example", "Acme", true, null),
                    new Customer(1104, "Kim", "Park", "kim@acme.example", "Acme", true, null),
                    new Customer(1105, "Ivy", "Stone", "ivy@eu.acme.example", "Acme", true, null),
                    new Customer(1106, "Lou", "Reed", "lou@acme.example", "Acme", true, null),
                    new Customer(1201, "Rita", "Ortega", "rita@globex.example", "Globex", true, null),
                    new Customer(1301, "Gus", "Moe", "gus.moe@gmail.com", "Moe's", true, null),
                    new Customer(1302, "Ann", "Moe", "ann.moe@gmail.com", "Moe's", true, null)),
            List.of(new BillingAccount(1001, "A00001001", "Acme", new Contact("Pat", "Lee", "pat@acme.example", ACME_ADDRESS),
                            new Contact("Bo", "Chan", "billing@acme.example", ACME_ADDRESS), null),
                    new BillingAccount(1002, "A00002001", "Globex", new Contact("Rita", "Ortega", "rita@globex.example", GLOBEX_ADDRESS),
                            new Contact("Flo", "Diaz", "flo@globex-finance.example", GLOBEX_ADDRESS), null),
                    new BillingAccount(1003, "A00003001", "Moe's", new Contact("Gus", "Moe", "gus.moe@gmail.com", "1 Tavern Rd"),
                            new Contact("Ann", "Moe", "ann.moe@gmail.com", "1 Tavern Rd"), null)),
            List.of(new Membership(1, 1101, 1001), new Membership(2, 1103, 1001), new Membership(3, 1104, 1001),
                    new Membership(4, 1105, 1001), new Membership(5, 1201, 1002), new Membership(6, 1106, 1002),
                    new Membership(7, 1301, 1003), new Membership(8, 1302, 1003)));

    static PlanFacts account(String company) {
        return new PlanFacts(switch (company) {
            case "Acme" -> 1001;
            case "Globex" -> 1002;
            default -> 1003;
        }, STATE, Map.of());
    }

    @ParameterizedTest(name = "{0}, {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Acme   | pat@acme.example           | true  | the Sold To contact, the previous owner themself
            Acme   | ' Pat@ACME.example '       | true  | the Sold To contact, the previous owner themself
            Acme   | billing@acme.example       | true  | the billing contact, from the previous owner's email domain
            Acme   | Billing@Acme.EXAMPLE       | true  | the billing contact, from the previous owner's email domain
            Acme   | kim@acme.example           | true  | a member of the billing account, from the previous owner's email domain
            Acme   | KIM@Acme.Example           | true  | a member of the billing account, from the previous owner's email domain
            Acme   | max@contractor.example     | false | a member of the billing account, but from another email domain than the previous owner's, so not likely to reach the previous owner's mailbox
            Acme   | ivy@eu.acme.example        | false | a member of the billing account, but from another email domain than the previous owner's, so not likely to reach the previous owner's mailbox
            Globex | flo@globex-finance.example | false | the billing contact, but from another email domain than the previous owner's, so not likely to reach the previous owner's mailbox
            Acme   | sam@acme.example           | false | from the previous owner's email domain, but not a contact of the subscription (neither its Bill To nor a member of its billing account)
            Acme   | Sam@ACME.example           | false | from the previous owner's email domain, but not a contact of the subscription (neither its Bill To nor a member of its billing account)
            Acme   | lou@acme.example           | false | from the previous owner's email domain, but not a contact of the subscription (neither its Bill To nor a member of its billing account)
            Acme   | rita@globex.example        | false | not a contact of the subscription, nor from the previous owner's email domain
            Acme   | nia@othercorp.example      | false | not a contact of the subscription, nor from the previous owner's email domain
            Acme   | sam.acme@gmail.example     | false | not a contact of the subscription, nor from the previous owner's email domain
            Acme   | pat@acme.example.evil      | false | not a contact of the subscription, nor from the previous owner's email domain
            Moe's  | gus.moe@gmail.com          | true  | the Sold To contact, the previous owner themself
            Moe's  | ann.moe@gmail.com          | false | the billing contact, but the previous owner's address is at a public mail service (gmail.com), so sharing it says nothing about reaching their mailbox
            """)
    void fits_a_contact_of_the_subscription_who_can_reach_the_previous_owners_account(String company, String requester,
                                                                                       boolean fits, String why) {
        SelfServiceFit fit = SelfServiceFit.of(account(company), requester);
        assertThat(fit.why()).isEqualTo(why);
        assertThat(fit.fits()).isEqualTo(fits);
    }

    @Test
    void without_the_subscriptions_account_nobody_is_known_to_fit() {
        SelfServiceFit unknown = new SelfServiceFit(false,
                "the ticket names no subscription the portal knows, so the previous owner is unknown");
        assertThat(SelfServiceFit.of(null, "pat@acme.example")).isEqualTo(unknown);
        assertThat(SelfServiceFit.of(new PlanFacts(9999, STATE, Map.of()), "pat@acme.example")).isEqualTo(unknown);
    }

    @Test
    void without_a_sold_to_there_is_no_previous_owners_account_to_claim() {
        BackendState noSoldTo = new BackendState(STATE.customers(),
                List.of(new BillingAccount(1001, "A00001001", "Acme", null,
                        new Contact("Bo", "Chan", "billing@acme.example", ACME_ADDRESS), null)),
                STATE.memberships());
        assertThat(SelfServiceFit.of(new PlanFacts(1001, noSoldTo, Map.of()), "billing@acme.example")).isEqualTo(new SelfServiceFit(
                false, "the subscription has no Sold To contact whose account the requester could claim"));
    }
}
