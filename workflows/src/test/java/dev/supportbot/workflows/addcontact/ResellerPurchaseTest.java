package dev.supportbot.workflows.addcontact;

import static dev.supportbot.workflows.addcontact.Sandbox.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.approved.Phases;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import org.junit.jupiter.api.Test;

/**
 * docs/handbook.md, "Resellers": for a reseller purchase, seats, renewals and invoices go through the reseller, and
 * beside a plan on such an account the agent finds that answer drafted for the customer.
 */
class ResellerPurchaseTest {

    @Test
    void a_plan_on_a_reseller_purchase_drafts_that_seats_renewals_and_invoices_go_through_the_reseller() {
        Flow flow = new Flow(Sandbox.seeded().withAcmeBoughtThrough("Partner Co", "orders@partner.example"),
                Sandbox.verified(ACME_SUBSCRIPTION));
        flow.start(SAM_RIVERA);
        Decision<AddContactState> d = flow.continued();

        assertThat(d.state()).matches(Phases::isAsking);
        assertThat(Flow.effects(d, Effect.RequestApproval.class)).hasSize(1);
        assertThat(Flow.notes(d)).contains("bought through Partner Co")
                .contains("seats, renewals or invoices, those go through the reseller")
                .contains("Draft public reply")
                .contains("for more seats, renewals and invoices, please contact Partner Co directly");
        assertThat(Flow.publicText(d)).as("a draft for the agent, not sent").isEmpty();
    }

    @Test
    void a_plan_on_a_direct_purchase_has_no_such_draft() {
        Flow flow = new Flow(Sandbox.seeded(), Sandbox.verified(ACME_SUBSCRIPTION));
        flow.start(SAM_RIVERA);
        Decision<AddContactState> d = flow.continued();

        assertThat(d.state()).matches(Phases::isAsking);
        assertThat(Flow.notes(d)).doesNotContain("go through the reseller").doesNotContain("please contact");
    }
}
