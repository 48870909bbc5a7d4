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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Handbook (Associating purchases, change the subscription management contact, self-service option): the steps are for
 * a requester who "is an existing subscription contact and has access to the Customer Portal account or email address
 * of the previous owner". The bot cannot see a mailbox; it sends the steps to a requester already on the account or from
 * the previous owner's own email domain, and anyone else straight to the assisted path.
 */
class SelfServiceFitTest {
    static final String ADDRESS = "1 Roadrunner Way";
    static final PlanFacts ACME = new PlanFacts(1001, new BackendState(
            List.of(new Customer(1101, "Pat", "Lee", "pat@acme.example", "Acme", true, null),
                    new Customer(1103, "Max", "Ortiz", "max@contractor.example", "Acme", true, null)),
            List.of(new BillingAccount(1001, "A00001001", "Acme", new Contact("Pat", "Lee", "pat@acme.example", ADDRESS),
                    new Contact("Bo", "Chan", "bo@acme-finance.example", ADDRESS), null)),
            List.of(new Membership(1, 1101, 1001), new Membership(2, 1103, 1001))), Map.of());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            sam@acme.example          | true  | from the previous owner's email domain
            Sam@ACME.example          | true  | from the previous owner's email domain
            bo@acme-finance.example   | true  | the billing contact
            max@contractor.example    | true  | already a member of the billing account
            nia@othercorp.example     | false | neither a contact of the subscription nor from the previous owner's email domain
            sam.acme@gmail.example    | false | neither a contact of the subscription nor from the previous owner's email domain
            rita@resellerone.example  | false | neither a contact of the subscription nor from the previous owner's email domain
            """)
    void fits_a_requester_who_could_follow_the_steps(String requester, boolean fits, String why) {
        SelfServiceFit fit = SelfServiceFit.of(ACME, requester);
        assertThat(fit.fits()).isEqualTo(fits);
        assertThat(fit.why()).isEqualTo(why);
    }

    @org.junit.jupiter.api.Test
    void without_the_subscriptions_account_nobody_is_known_to_fit() {
        assertThat(SelfServiceFit.of(null, "sam@acme.example"))
                .isEqualTo(new SelfServiceFit(false, "the ticket names no subscription the portal knows, so the previous owner is unknown"));
    }
}
