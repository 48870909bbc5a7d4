package dev.supportbot.workflows.ownership;

import static dev.supportbot.workflows.ownership.Fixtures.*;
import static dev.supportbot.workflows.ownership.Fixtures.Setup.*;
import static dev.supportbot.workflows.ownership.Flow.effects;
import static dev.supportbot.workflows.ownership.Flow.publicText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Dates;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.ownership.OwnershipState.AwaitingProof;
import dev.supportbot.workflows.ownership.OwnershipState.Verified;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProofRepliesTest {

    @Test
    void a_recent_invoice_verifies_with_every_outcome_effect() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        Decision<OwnershipState> d = flow.comments(CUSTOMER, fromRequester(10, CUSTOMER, "Our invoice is INV-1001-A"));

        assertThat(flow.lastFacts).contains(new FactRequest.InvoiceByNumber("INV-1001-A"),
                new FactRequest.SubscriptionByName(SUBSCRIPTION), new FactRequest.BillingAccountById(ACCOUNT_ID));
        assertThat(d.state()).isInstanceOfSatisfying(Verified.class, v -> {
            assertThat(v.evidence().kind()).isEqualTo(ProofKind.INVOICE);
            assertThat(v.at()).isEqualTo(NOW);
        });
        assertThat(d.effects()).contains(new Effect.AddTags(Set.of(OwnershipTags.VERIFIED)), new Effect.CancelReminders());
        assertThat(effects(d, Effect.RemoveTags.class)).singleElement()
                .satisfies(r -> assertThat(r.tags()).contains(OwnershipTags.AWAITING_PROOF));
        assertThat(publicText(d)).contains("We have verified your association with subscription " + SUBSCRIPTION);
        assertThat(Flow.notes(d)).contains("Ownership verified with an invoice", "INV-1001-A");
        assertThat(effects(d, Effect.SlackMessage.class)).singleElement().satisfies(m -> {
            assertThat(m.text()).contains("#" + TICKET_ID, SUBSCRIPTION, "verified with an invoice");
            assertThat(m.title()).isEqualTo("Ownership verified");
            assertThat(m.fields()).contains(new Effect.SlackMessage.Field("Subscription", SUBSCRIPTION),
                    new Effect.SlackMessage.Field("Outcome", "verified with an invoice"));
            assertThat(m.buttons()).as("nothing waits any more").isEmpty();
        });
    }

    @Test
    void a_refused_proof_says_why_and_what_would_do_and_keeps_waiting() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        AwaitingProof before = (AwaitingProof) flow.state;
        Decision<OwnershipState> d = flow.comments(CUSTOMER, fromRequester(10, CUSTOMER, "Here is a screenshot, and invoice INV-0901-A"));

        assertThat(d.state()).isEqualTo(before.withHandled(List.of(10L)));
        assertThat(d.effects()).singleElement().isInstanceOf(Effect.PublicComment.class);
        assertThat(publicText(d)).contains("Screenshots cannot be accepted", "older than 12 months",
                "(for example INV-1234)", "license usage export");
    }

    @Test
    void the_same_comment_delivered_twice_is_checked_once() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        Comment screenshot = fromRequester(10, CUSTOMER, "screenshot attached");
        flow.comments(CUSTOMER, screenshot);
        OwnershipState afterFirst = flow.state;

        Decision<OwnershipState> again = flow.comments(CUSTOMER, screenshot);
        assertThat(flow.lastFacts).isEmpty();
        assertThat(again.changesNothingFrom(afterFirst)).isTrue();
    }

    @Test
    void comments_by_others_never_draw_a_reply_so_the_bot_cannot_answer_itself() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        Comment botsOwn = comment(11, BOT, false, "Screenshots cannot be accepted. The invoice INV-0901-A is older than 12 months.");
        Comment agent = comment(12, STAFF, false, "I approve, INV-1001-A");
        Decision<OwnershipState> d = flow.comments(CUSTOMER, botsOwn, agent);
        assertThat(d.effects()).as("no reply; the staff member's vouch is noted for the agents")
                .singleElement().isInstanceOf(Effect.PrivateNote.class);
        assertThat(Flow.notes(d)).contains("of 7 December 2026, 10:12 UTC", "staff address", "not counted").doesNotContain("10:11 UTC");
        assertThat(d.state()).isInstanceOf(AwaitingProof.class);
    }

    @Test
    void private_comments_are_not_proof() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        Decision<OwnershipState> d = flow.comments(CUSTOMER, new Comment(13, CUSTOMER, true, false, "INV-1001-A", List.of()));
        assertThat(d.state()).isInstanceOf(AwaitingProof.class);
        assertThat(d.effects()).isEmpty();
    }

    @Test
    void a_reseller_in_copy_can_vouch_for_an_unactivated_reseller_purchase() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_RESELLER_UNACTIVATED, CUSTOMER);
        Decision<OwnershipState> d = flow.comments(CUSTOMER,
                comment(14, RESELLER, false, "Partner Co here: we sold this subscription to Acme and confirm that Carol may manage it as its new contact."));
        assertThat(d.state()).isInstanceOfSatisfying(Verified.class, v -> {
            assertThat(v.evidence().kind()).isEqualTo(ProofKind.RESELLER_VOUCH);
            assertThat(v.evidence().detail()).contains("of 7 December 2026, 10:14 UTC", "partner.example");
        });
    }

    /** Handbook: a reseller can vouch; a reseller who does not (refuses, asks, hedges) leaves the decision to an agent. */
    @Test
    void a_reseller_in_copy_who_does_not_vouch_verifies_nothing_and_the_agent_gets_a_note() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_RESELLER_UNACTIVATED, CUSTOMER);
        AwaitingProof before = (AwaitingProof) flow.state;
        Decision<OwnershipState> d = flow.comments(CUSTOMER, comment(14, RESELLER, false, "We cannot vouch for this person."));

        assertThat(d.state()).isEqualTo(before.withHandled(List.of(14L)));
        assertThat(d.effects()).noneMatch(Effect.PublicComment.class::isInstance);
        assertThat(Flow.notes(d)).contains("of 7 December 2026, 10:14 UTC").contains("reseller").contains("refused to confirm the request")
                .contains("not verified");
    }

    /** SaaS, legacy and offline licenses: the portal cannot show whether they were activated, so nobody is told they were. */
    @ParameterizedTest
    @EnumSource(value = Fixtures.Setup.class, names = {"SAAS_RESELLER", "SELF_MANAGED_RESELLER_LEGACY", "SELF_MANAGED_RESELLER_OFFLINE"})
    void a_reseller_who_vouches_for_a_license_the_bot_cannot_see_activated_is_never_told_it_was_activated(Fixtures.Setup setup) {
        Flow flow = Flow.awaitingProof(setup, CUSTOMER);
        Decision<OwnershipState> d = flow.comments(CUSTOMER,
                comment(16, RESELLER, false, "We confirm that Carol may manage the subscription."));

        assertThat(d.state()).isInstanceOf(AwaitingProof.class);
        assertThat(d.effects()).noneMatch(Effect.PublicComment.class::isInstance);
        assertThat(Flow.notes(d)).contains("of 7 December 2026, 10:16 UTC").contains("cannot tell whether").doesNotContain("already");

        Decision<OwnershipState> asked = flow.comments(CUSTOMER, fromRequester(17, CUSTOMER, "Our reseller can confirm this."));
        assertThat(publicText(asked)).contains("our records cannot show that for this subscription").doesNotContain("already");
    }

    /** A reseller comment that confirms something, but not that the requester may manage the subscription. */
    @Test
    void a_reseller_confirming_something_else_verifies_nothing_and_the_agent_is_told_what_a_vouch_needs() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_RESELLER_UNACTIVATED, CUSTOMER);
        AwaitingProof before = (AwaitingProof) flow.state;
        Decision<OwnershipState> d = flow.comments(CUSTOMER, comment(14, RESELLER, false, "We confirm that Carol left Acme last month."));

        assertThat(d.state()).isEqualTo(before.withHandled(List.of(14L)));
        assertThat(d.effects()).noneMatch(Effect.PublicComment.class::isInstance);
        assertThat(Flow.notes(d)).contains("did not confirm, in its own words, that the requester may manage the subscription")
                .contains("names the requester").contains("not verified");
    }

    @Test
    void a_reseller_in_copy_can_provide_its_invoice_for_an_activated_reseller_purchase() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_RESELLER_ACTIVATED, CUSTOMER);
        Decision<OwnershipState> d = flow.comments(CUSTOMER, comment(15, RESELLER, false, "Our invoice: INV-2001-A"));
        assertThat(flow.lastFacts).contains(new FactRequest.BillingAccountByZuoraId("Z-PARTNER"));
        assertThat(d.state()).isInstanceOfSatisfying(Verified.class,
                v -> assertThat(v.evidence().kind()).isEqualTo(ProofKind.RESELLER_INVOICE));
    }

    @Test
    void the_customer_s_own_invoice_of_a_reseller_purchase_is_refused_with_the_reseller_route() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_RESELLER_ACTIVATED, CUSTOMER);
        Decision<OwnershipState> d = flow.comments(CUSTOMER, fromRequester(16, CUSTOMER, "INV-1001-A"));
        assertThat(d.state()).isInstanceOf(AwaitingProof.class);
        assertThat(publicText(d)).contains("can only be provided by the reseller", "their GitLab invoice")
                .doesNotContain("(for example INV-1234)");
    }

    @Test
    void a_bill_to_requester_is_told_to_send_an_invoice_and_their_invoice_then_verifies() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, BILL_TO);
        Decision<OwnershipState> refused = flow.comments(BILL_TO, fromRequester(17, BILL_TO, "I approve this change"));
        assertThat(publicText(refused)).contains("As the billing contact, your approval alone is not sufficient");
        Decision<OwnershipState> d = flow.comments(BILL_TO, fromRequester(18, BILL_TO, "INV-1001-A"));
        assertThat(d.state()).isInstanceOf(Verified.class);
    }

    @Test
    void a_staff_requester_can_never_verify() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, STAFF);
        Decision<OwnershipState> d = flow.comments(STAFF, fromRequester(19, STAFF, "Customer's invoice: INV-1001-A"));
        assertThat(d.state()).isInstanceOf(AwaitingProof.class);
        assertThat(publicText(d)).contains("GitLab team members cannot be accepted");
    }

    @Test
    void valid_license_text_verifies_a_self_managed_subscription() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        Comment license = fromRequester(LICENSE_OURS, CUSTOMER, "License:\n" + LICENSE_TEXT);
        Decision<OwnershipState> d = flow.comments(CUSTOMER, license);
        assertThat(flow.lastFacts).contains(new FactRequest.LicenseValidationOfComment(LICENSE_OURS));
        assertThat(d.state()).isInstanceOfSatisfying(Verified.class, v -> assertThat(v.evidence().detail())
                .isEqualTo("license text in the requester's reply of " + Dates.utcMinute(license.createdAt())
                        + ", validated by the portal for A-S00012345"));
    }

    @Test
    void matching_gitlab_subscription_json_verifies_a_saas_subscription() {
        Flow flow = Flow.awaitingProof(SAAS_DIRECT, CUSTOMER);
        Decision<OwnershipState> d = flow.comments(CUSTOMER,
                fromRequester(20, CUSTOMER, gitlabSubscriptionJson("ultimate", 25, "2025-01-01", "2026-01-01")));
        assertThat(flow.lastFacts).contains(new FactRequest.NamespaceAdminView(NAMESPACE));
        assertThat(d.state()).isInstanceOfSatisfying(Verified.class,
                v -> assertThat(v.evidence().kind()).isEqualTo(ProofKind.NAMESPACE_JSON));
    }

    @Test
    void one_accepted_proof_among_refused_ones_verifies() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        Decision<OwnershipState> d = flow.comments(CUSTOMER,
                fromRequester(21, CUSTOMER, "screenshot attached"), fromRequester(22, CUSTOMER, "INV-1001-A"));
        assertThat(d.state()).isInstanceOf(Verified.class);
        assertThat(publicText(d)).doesNotContain("Screenshots");
    }

    @Test
    void an_open_approval_ticket_is_told_and_solved_when_another_proof_verifies() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        flow.send(new dev.supportbot.workflows.engine.Event.EffectSucceeded(OwnershipVerification.SOLD_TO_TICKET_KEY,
                java.util.Map.of(Effect.OpenSeparateTicket.TICKET_ID, "987")));
        Decision<OwnershipState> d = flow.comments(CUSTOMER, fromRequester(23, CUSTOMER, "INV-1001-A"));
        assertThat(Flow.notes(d)).contains("ticket #987", "solves");
        assertThat(effects(d, Effect.UpdateLinkedTicket.class)).singleElement().satisfies(u -> {
            assertThat(u.ticketId()).isEqualTo(987);
            assertThat(u.status()).isEqualTo("solved");
            assertThat(u.publicComment()).contains(SUBSCRIPTION, "no longer need your approval", "request #" + TICKET_ID)
                    .doesNotContain(CUSTOMER.email()).doesNotContain(CUSTOMER.name());
        });
    }
}
