package dev.supportbot.workflows.ownership;

import static dev.supportbot.workflows.ownership.Fixtures.*;
import static dev.supportbot.workflows.ownership.Fixtures.Setup.*;
import static dev.supportbot.workflows.ownership.Flow.effects;
import static dev.supportbot.workflows.ownership.Flow.publicText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Ticket;
import dev.supportbot.workflows.ownership.Fixtures.Setup;
import dev.supportbot.workflows.ownership.OwnershipState.AwaitingProof;
import dev.supportbot.workflows.ownership.OwnershipState.AwaitingSubscription;
import dev.supportbot.workflows.ownership.OwnershipState.SoldToRequest;
import dev.supportbot.workflows.ownership.OwnershipState.Verified;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StartTest {

    static TicketUpdated started(String subject, String description, dev.supportbot.workflows.engine.Person requester,
                                 dev.supportbot.workflows.engine.Comment... comments) {
        return new TicketUpdated(ticket(subject, description, requester), List.of(comments));
    }

    @Test
    void a_ticket_without_the_start_tag_starts_nothing() {
        Flow flow = new Flow(SELF_MANAGED_DIRECT.portal());
        Ticket untagged = new Ticket(TICKET_ID, "Transfer " + SUBSCRIPTION, "", CUSTOMER, Set.of("other"), "open");
        Decision<OwnershipState> d = flow.send(new TicketUpdated(untagged, List.of()));
        assertThat(flow.lastFacts).isEmpty();
        assertThat(d.changesNothingFrom(new OwnershipState.Requested())).isTrue();
    }

    @Test
    void without_a_subscription_name_asks_for_it_and_schedules_reminders() {
        Flow flow = new Flow(SELF_MANAGED_DIRECT.portal());
        Decision<OwnershipState> d = flow.send(started("Please add me as contact", "I am the new IT lead.", CUSTOMER,
                fromRequester(1, CUSTOMER, "I am the new IT lead.")));

        assertThat(flow.lastFacts).isEmpty();
        assertThat(d.state()).isEqualTo(new AwaitingSubscription(TICKET_ID, NOW, 0, Set.of(1L)));
        assertThat(effects(d, Effect.PublicComment.class)).singleElement()
                .satisfies(c -> assertThat(c.body()).contains("A-S followed by 8 digits"));
        assertThat(d.effects()).contains(new Effect.AddTags(Set.of(OwnershipTags.AWAITING_SUBSCRIPTION)),
                new Effect.ScheduleReminder(1, Duration.ofDays(2)), new Effect.ScheduleReminder(2, Duration.ofDays(4)),
                new Effect.ScheduleReminder(3, Duration.ofDays(7)));
    }

    @Test
    void with_the_subscription_asks_once_for_proof_and_separately_asks_the_sold_to() {
        Flow flow = new Flow(SELF_MANAGED_DIRECT.portal());
        Decision<OwnershipState> d = flow.send(started("Ownership change for " + SUBSCRIPTION, "Alice left.", CUSTOMER));

        assertThat(flow.lastFacts).contains(new FactRequest.SubscriptionByName(SUBSCRIPTION),
                new FactRequest.BillingAccountOfSubscription(SUBSCRIPTION), new FactRequest.CloudActivationOf(SUBSCRIPTION));
        assertThat(d.state()).isEqualTo(new AwaitingProof(TICKET_ID, SUBSCRIPTION, ACCOUNT_ID, null, null,
                SoldToRequest.of(SoldToRequest.Status.OPENING), NOW, 0, Set.of()));
        assertThat(effects(d, Effect.PublicComment.class)).hasSize(1);
        assertThat(publicText(d)).contains(SUBSCRIPTION, "ask the current subscription contact for their approval in a separate message");
        assertThat(d.effects()).contains(new Effect.AddTags(Set.of(OwnershipTags.AWAITING_PROOF)),
                new Effect.ScheduleReminder(1, Duration.ofDays(2)), new Effect.ScheduleReminder(2, Duration.ofDays(4)),
                new Effect.ScheduleReminder(3, Duration.ofDays(7)));
        assertThat(effects(d, Effect.OpenSeparateTicket.class)).singleElement().satisfies(t -> {
            assertThat(t.key()).isEqualTo(OwnershipVerification.SOLD_TO_TICKET_KEY);
            assertThat(t.recipientEmail()).isEqualTo(SOLD_TO.email());
            assertThat(t.recipientName()).isEqualTo("Alice Owner");
            assertThat(t.body()).contains(SUBSCRIPTION, "Carol Customer (acme.example)", "I approve", "#" + TICKET_ID)
                    .doesNotContain(CUSTOMER.email());
        });
    }

    @ParameterizedTest
    @EnumSource(value = Setup.class, names = {"SELF_MANAGED_DIRECT", "SAAS_DIRECT", "SELF_MANAGED_RESELLER_UNACTIVATED",
            "SELF_MANAGED_RESELLER_ACTIVATED", "SAAS_RESELLER"})
    void asks_only_for_the_proofs_that_fit_the_subscription(Setup setup) {
        Flow flow = new Flow(setup.portal());
        String text = publicText(flow.send(started(SUBSCRIPTION, "", CUSTOMER)));

        boolean saas = setup.subscription().isSaas();
        boolean unactivatedReseller = setup.reseller && Boolean.FALSE.equals(setup.activated);
        assertThat(text.contains("license usage export")).as("license text option").isEqualTo(!saas);
        assertThat(text.contains("/gitlab_subscription")).as("gitlab_subscription option").isEqualTo(saas);
        assertThat(text.contains("(for example INV-1234)")).as("direct invoice option").isEqualTo(!setup.reseller);
        assertThat(text.contains("has not been activated yet")).as("reseller vouch option").isEqualTo(unactivatedReseller);
        assertThat(text.contains("their GitLab invoice")).as("reseller invoice option").isEqualTo(setup.reseller && !unactivatedReseller);
        assertThat(text).contains("prior subscription contract", "screenshots and license activation code emails cannot be accepted");
    }

    @Test
    void a_reseller_purchase_remembers_the_invoice_owner_and_a_saas_one_its_namespace() {
        AwaitingProof reseller = (AwaitingProof) new Flow(SELF_MANAGED_RESELLER_ACTIVATED.portal())
                .send(started(SUBSCRIPTION, "", CUSTOMER)).state();
        AwaitingProof saas = (AwaitingProof) new Flow(SAAS_DIRECT.portal()).send(started(SUBSCRIPTION, "", CUSTOMER)).state();
        assertThat(reseller.invoiceOwnerZuoraId()).isEqualTo("Z-PARTNER");
        assertThat(reseller.namespace()).isNull();
        assertThat(saas.namespace()).isEqualTo(NAMESPACE);
        assertThat(saas.invoiceOwnerZuoraId()).isNull();
    }

    @Test
    void when_the_requester_is_the_sold_to_no_separate_ticket_and_their_reply_approves() {
        Flow flow = new Flow(SELF_MANAGED_DIRECT.portal());
        Decision<OwnershipState> d = flow.send(started("Add my colleague to " + SUBSCRIPTION, "", SOLD_TO));

        assertThat(effects(d, Effect.OpenSeparateTicket.class)).isEmpty();
        assertThat(((AwaitingProof) d.state()).soldTo().status()).isEqualTo(SoldToRequest.Status.REQUESTER_IS_SOLD_TO);
        assertThat(publicText(d)).contains("reply \"I approve\"").doesNotContain("separate message");

        Decision<OwnershipState> approved = flow.send(new TicketUpdated(ticket(SUBSCRIPTION, "", SOLD_TO),
                List.of(fromRequester(2, SOLD_TO, "I approve"))));
        assertThat(approved.state()).isInstanceOfSatisfying(Verified.class,
                v -> assertThat(v.evidence().kind()).isEqualTo(ProofKind.SOLD_TO_APPROVAL));
    }

    @Test
    void approval_words_in_the_sold_to_s_first_message_do_not_verify() {
        Decision<OwnershipState> d = new Flow(SELF_MANAGED_DIRECT.portal())
                .send(started(SUBSCRIPTION, "I approve adding Carol", SOLD_TO, fromRequester(1, SOLD_TO, "I approve adding Carol")));
        assertThat(d.state()).isInstanceOf(AwaitingProof.class);
    }

    @Test
    void a_staff_sold_to_is_not_asked_and_the_agents_are_told_why() {
        Decision<OwnershipState> d = new Flow(SELF_MANAGED_DIRECT_STAFF_SOLD_TO.portal()).send(started(SUBSCRIPTION, "", CUSTOMER));
        assertThat(effects(d, Effect.OpenSeparateTicket.class)).isEmpty();
        assertThat(((AwaitingProof) d.state()).soldTo().status()).isEqualTo(SoldToRequest.Status.SOLD_TO_IS_STAFF);
        assertThat(Flow.notes(d)).contains("staff address");
        assertThat(publicText(d)).doesNotContain("separate message").doesNotContain("I approve");
    }

    @Test
    void the_name_given_later_moves_on_and_restarts_the_reminders() {
        Flow flow = new Flow(SELF_MANAGED_DIRECT.portal());
        flow.send(started("Help", "", CUSTOMER, fromRequester(1, CUSTOMER, "Help")));
        flow.after(Duration.ofDays(1));

        Decision<OwnershipState> noName = flow.send(new TicketUpdated(ticket("Help", "", CUSTOMER),
                List.of(fromRequester(2, CUSTOMER, "Which one do you mean?"))));
        assertThat(noName.effects()).isEmpty();
        assertThat(((AwaitingSubscription) noName.state()).handledCommentIds()).containsExactlyInAnyOrder(1L, 2L);

        Decision<OwnershipState> d = flow.send(new TicketUpdated(ticket("Help", "", CUSTOMER),
                List.of(fromRequester(3, CUSTOMER, "It is a-s00012345"))));
        assertThat(d.state()).isInstanceOfSatisfying(AwaitingProof.class, s -> {
            assertThat(s.askedAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
            assertThat(s.handledCommentIds()).containsExactlyInAnyOrder(1L, 2L, 3L);
        });
        assertThat(d.effects().get(0)).isEqualTo(new Effect.CancelReminders());
        assertThat(d.effects()).contains(new Effect.RemoveTags(Set.of(OwnershipTags.AWAITING_SUBSCRIPTION)),
                new Effect.ScheduleReminder(1, Duration.ofDays(2)));
    }

    @Test
    void an_unknown_subscription_name_is_reported_and_the_wait_goes_on() {
        Flow flow = new Flow(new FakePortal());
        Decision<OwnershipState> d = flow.send(started("About A-S00000000", "", CUSTOMER));
        assertThat(d.state()).isInstanceOf(AwaitingSubscription.class);
        assertThat(publicText(d)).contains("could not find a subscription named A-S00000000");
        assertThat(effects(d, Effect.ScheduleReminder.class)).hasSize(3);
    }

    @Test
    void a_subscription_without_billing_account_goes_to_a_human_without_customer_comment() {
        FakePortal portal = new FakePortal().with(new FactRequest.SubscriptionByName(SUBSCRIPTION), SELF_MANAGED_DIRECT.subscription());
        Decision<OwnershipState> d = new Flow(portal).send(started(SUBSCRIPTION, "", CUSTOMER));
        assertThat(d.state()).isInstanceOf(AwaitingSubscription.class);
        assertThat(effects(d, Effect.PublicComment.class)).isEmpty();
        assertThat(effects(d, Effect.SlackMessage.class)).hasSize(1);
    }

    @Test
    void proof_in_the_first_message_verifies_at_once() {
        Flow flow = new Flow(SELF_MANAGED_DIRECT.portal());
        Decision<OwnershipState> d = flow.send(started(SUBSCRIPTION, "Invoice INV-1001-A attached", CUSTOMER,
                fromRequester(1, CUSTOMER, "Invoice INV-1001-A attached")));
        assertThat(flow.lastFacts).contains(new FactRequest.InvoiceByNumber("INV-1001-A"));
        assertThat(d.state()).isInstanceOfSatisfying(Verified.class, v -> assertThat(v.evidence().kind()).isEqualTo(ProofKind.INVOICE));
        assertThat(effects(d, Effect.OpenSeparateTicket.class)).isEmpty();
    }

    @Test
    void a_refused_proof_in_the_first_message_just_leads_to_the_request_for_proof() {
        Decision<OwnershipState> d = new Flow(SELF_MANAGED_DIRECT.portal()).send(started(SUBSCRIPTION, "", CUSTOMER,
                fromRequester(1, CUSTOMER, "Screenshot attached, invoice INV-0901-A")));
        assertThat(d.state()).isInstanceOf(AwaitingProof.class);
        assertThat(effects(d, Effect.PublicComment.class)).singleElement()
                .satisfies(c -> assertThat(c.body()).contains("Please reply with ONE of the following"));
    }

    @Test
    void a_ticket_opened_by_the_reseller_of_an_unactivated_license_is_its_vouch() {
        Decision<OwnershipState> d = new Flow(SELF_MANAGED_RESELLER_UNACTIVATED.portal())
                .send(started("Please transfer " + SUBSCRIPTION + " to the new admin", "", RESELLER));
        assertThat(d.state()).isInstanceOfSatisfying(Verified.class,
                v -> assertThat(v.evidence().kind()).isEqualTo(ProofKind.RESELLER_VOUCH));

        Decision<OwnershipState> activated = new Flow(SELF_MANAGED_RESELLER_ACTIVATED.portal())
                .send(started(SUBSCRIPTION, "", RESELLER));
        assertThat(activated.state()).isInstanceOf(AwaitingProof.class);

        Decision<OwnershipState> politelyAsked = new Flow(SELF_MANAGED_RESELLER_UNACTIVATED.portal()).send(started(
                "Contact change for " + SUBSCRIPTION, "Could you please make Carol Customer the new contact of " + SUBSCRIPTION + "?",
                RESELLER));
        assertThat(politelyAsked.state()).as("a polite request is no hedge").isInstanceOf(Verified.class);
    }

    /** The reseller opening the ticket is its vouch only when what it wrote is not a refusal or a hedge. */
    @ParameterizedTest(name = "\"{0}\"")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "We don't know this person, can you check?",
            "We have never heard of Carol. Please do not change anything.",
            "Carol says she is the new admin; we are checking with Acme and will get back to you.",
            "Please make Carol the new contact if Acme agrees."})
    void a_ticket_the_reseller_opens_with_a_refusal_or_a_hedge_is_no_vouch_and_the_agent_gets_a_note(String opening) {
        Decision<OwnershipState> d = new Flow(SELF_MANAGED_RESELLER_UNACTIVATED.portal())
                .send(started("About " + SUBSCRIPTION, opening, RESELLER, fromRequester(1, RESELLER, opening)));

        assertThat(d.state()).isInstanceOf(AwaitingProof.class);
        assertThat(d.effects()).noneMatch(e -> e.equals(new Effect.AddTags(Set.of(OwnershipTags.VERIFIED))));
        assertThat(Flow.notes(d)).contains("opened from the address of Partner Co (the reseller)")
                .containsAnyOf("refused to confirm the request", "did not confirm the request yet")
                .contains("was not counted as the reseller's confirmation", "not verified");
    }
}
