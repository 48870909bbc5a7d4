package dev.supportbot.workflows.ownership;

import static dev.supportbot.workflows.ownership.Fixtures.*;
import static dev.supportbot.workflows.ownership.Fixtures.Setup.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.supportbot.workflows.engine.Attachment;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.Person;
import dev.supportbot.workflows.engine.Policy;
import dev.supportbot.workflows.ownership.Fixtures.Setup;
import dev.supportbot.workflows.ownership.ProofRules.SoldToReply;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Proof kind x subscription kind x who sends it: accepted, or refused with which reason. */
class ProofRulesTest {

    /** Expected outcome of one row: an accepted kind, a refusal reason, or nothing at all. */
    record Expect(ProofKind accepted, Refusal refused) {
        static Expect accept(ProofKind kind) { return new Expect(kind, null); }
        static Expect refuse(Refusal reason) { return new Expect(null, reason); }
        static Expect nothing() { return new Expect(null, null); }
        @Override public String toString() { return accepted != null ? "accept " + accepted : refused != null ? "refuse " + refused : "nothing"; }
    }

    static final Attachment PNG = new Attachment("license.png", "image/png");
    static final String JSON_OK = gitlabSubscriptionJson("ultimate", 25, "2025-01-01", "2026-01-01");

    static Stream<Arguments> rows() {
        return Stream.of(
                // invoices
                arguments(SELF_MANAGED_DIRECT, CUSTOMER, 1L, "Our invoice: INV-1001-A", Expect.accept(ProofKind.INVOICE)),
                arguments(SAAS_DIRECT, CUSTOMER, 1L, "inv-1001-a", Expect.accept(ProofKind.INVOICE)),
                arguments(SELF_MANAGED_DIRECT, CUSTOMER, 1L, "INV-0901-A", Expect.refuse(Refusal.INVOICE_TOO_OLD)),
                arguments(SELF_MANAGED_DIRECT, CUSTOMER, 1L, "INV-7777-A", Expect.refuse(Refusal.INVOICE_OTHER_ACCOUNT)),
                arguments(SELF_MANAGED_DIRECT, CUSTOMER, 1L, "INV-4040-A", Expect.refuse(Refusal.INVOICE_NOT_FOUND)),
                arguments(SELF_MANAGED_DIRECT, STAFF, 1L, "INV-1001-A", Expect.refuse(Refusal.FROM_STAFF)),
                arguments(SELF_MANAGED_DIRECT, BILL_TO, 1L, "INV-1001-A", Expect.accept(ProofKind.INVOICE)),
                arguments(SELF_MANAGED_RESELLER_ACTIVATED, CUSTOMER, 1L, "INV-1001-A", Expect.refuse(Refusal.INVOICE_RESELLER_PURCHASE)),
                arguments(SELF_MANAGED_RESELLER_ACTIVATED, RESELLER, 1L, "Our invoice INV-2001-A", Expect.accept(ProofKind.RESELLER_INVOICE)),
                arguments(SELF_MANAGED_RESELLER_ACTIVATED, RESELLER, 1L, "INV-1001-A", Expect.refuse(Refusal.INVOICE_OTHER_ACCOUNT)),
                arguments(SAAS_RESELLER, RESELLER, 1L, "INV-2001-A", Expect.accept(ProofKind.RESELLER_INVOICE)),
                // license text
                arguments(SELF_MANAGED_DIRECT, CUSTOMER, LICENSE_OURS, "Here it is:\n" + LICENSE_TEXT, Expect.accept(ProofKind.LICENSE_TEXT)),
                arguments(SELF_MANAGED_RESELLER_ACTIVATED, CUSTOMER, LICENSE_OURS, LICENSE_TEXT, Expect.accept(ProofKind.LICENSE_TEXT)),
                arguments(SAAS_DIRECT, CUSTOMER, LICENSE_OURS, LICENSE_TEXT, Expect.refuse(Refusal.LICENSE_SAAS_SUBSCRIPTION)),
                arguments(SELF_MANAGED_DIRECT, CUSTOMER, LICENSE_OTHERS, LICENSE_TEXT, Expect.refuse(Refusal.LICENSE_OTHER_SUBSCRIPTION)),
                arguments(SELF_MANAGED_DIRECT, CUSTOMER, LICENSE_BROKEN, LICENSE_TEXT, Expect.refuse(Refusal.LICENSE_INVALID)),
                arguments(SELF_MANAGED_DIRECT, STAFF, LICENSE_OURS, LICENSE_TEXT, Expect.refuse(Refusal.FROM_STAFF)),
                arguments(SELF_MANAGED_DIRECT, CUSTOMER, 1L, "My activation code is " + ACTIVATION_CODE, Expect.refuse(Refusal.ACTIVATION_CODE)),
                arguments(SELF_MANAGED_DIRECT, CUSTOMER, 1L, "See the screenshot of the license page", Expect.refuse(Refusal.SCREENSHOT)),
                // gitlab_subscription JSON
                arguments(SAAS_DIRECT, CUSTOMER, 1L, "Result:\n" + JSON_OK, Expect.accept(ProofKind.NAMESPACE_JSON)),
                arguments(SAAS_RESELLER, CUSTOMER, 1L, JSON_OK, Expect.accept(ProofKind.NAMESPACE_JSON)),
                arguments(SAAS_DIRECT, CUSTOMER, 1L, gitlabSubscriptionJson("ultimate", 30, "2025-01-01", "2026-01-01"), Expect.refuse(Refusal.NAMESPACE_JSON_MISMATCH)),
                arguments(SAAS_DIRECT, CUSTOMER, 1L, gitlabSubscriptionJson("premium", 25, "2025-01-01", "2026-01-01"), Expect.refuse(Refusal.NAMESPACE_JSON_MISMATCH)),
                arguments(SAAS_DIRECT, CUSTOMER, 1L, gitlabSubscriptionJson("ultimate", 25, "2024-01-01", "2026-01-01"), Expect.refuse(Refusal.NAMESPACE_JSON_MISMATCH)),
                arguments(SAAS_DIRECT, CUSTOMER, 1L, "{\"namespace\":\"other-group\"," + JSON_OK.substring(1), Expect.refuse(Refusal.NAMESPACE_JSON_MISMATCH)),
                arguments(SAAS_DIRECT, CUSTOMER, 1L, "{\"plan\": {\"code\": \"ultimate\", \"seats_in_subscription\": 2", Expect.refuse(Refusal.NAMESPACE_JSON_UNREADABLE)),
                arguments(SELF_MANAGED_DIRECT, CUSTOMER, 1L, JSON_OK, Expect.refuse(Refusal.NAMESPACE_JSON_SELF_MANAGED)),
                arguments(SAAS_DIRECT, STAFF, 1L, JSON_OK, Expect.refuse(Refusal.FROM_STAFF)),
                // approval words on the requester's own ticket
                arguments(SELF_MANAGED_DIRECT, SOLD_TO, 1L, "I approve.", Expect.accept(ProofKind.SOLD_TO_APPROVAL)),
                arguments(SELF_MANAGED_DIRECT, BILL_TO, 1L, "I approve.", Expect.refuse(Refusal.APPROVAL_FROM_BILL_TO)),
                arguments(SELF_MANAGED_DIRECT_ONE_CONTACT, SOLD_TO, 1L, "Yes, approved", Expect.accept(ProofKind.SOLD_TO_APPROVAL)),
                arguments(SELF_MANAGED_DIRECT, CUSTOMER, 1L, "I approve", Expect.refuse(Refusal.APPROVAL_NOT_FROM_SOLD_TO)),
                arguments(SELF_MANAGED_DIRECT_STAFF_SOLD_TO, STAFF, 1L, "I approve", Expect.refuse(Refusal.FROM_STAFF)),
                // reseller vouch
                arguments(SELF_MANAGED_RESELLER_UNACTIVATED, RESELLER, 1L, "We sold this subscription to Acme and confirm that Carol may manage it as its new contact.", Expect.accept(ProofKind.RESELLER_VOUCH)),
                arguments(SELF_MANAGED_RESELLER_ACTIVATED, RESELLER, 1L, "We are the reseller and confirm that Carol may manage the subscription.", Expect.refuse(Refusal.VOUCH_LICENSE_ACTIVATED)),
                // the requester is Carol: confirming the request without her, or vouching for someone else, is no vouch
                arguments(SELF_MANAGED_RESELLER_UNACTIVATED, RESELLER, 1L, "We sold this subscription to Acme and confirm the request.", Expect.nothing()),
                arguments(SELF_MANAGED_RESELLER_UNACTIVATED, RESELLER, 1L, "We confirm that Dave may manage the subscription.", Expect.nothing()),
                arguments(SELF_MANAGED_RESELLER_UNACTIVATED, RESELLER, 1L, "Reseller here, please proceed.", Expect.nothing()),
                // the bot cannot know whether a SaaS, legacy or offline license was activated: never "already activated"
                arguments(SAAS_RESELLER, RESELLER, 1L, "Reseller here: we confirm that Carol may manage the subscription.", Expect.refuse(Refusal.VOUCH_ACTIVATION_UNKNOWN)),
                arguments(SAAS_RESELLER, CUSTOMER, 1L, "We bought it through a reseller.", Expect.refuse(Refusal.VOUCH_ACTIVATION_UNKNOWN)),
                arguments(SELF_MANAGED_RESELLER_LEGACY, RESELLER, 1L, "We confirm that Carol may manage the subscription.", Expect.refuse(Refusal.VOUCH_ACTIVATION_UNKNOWN)),
                arguments(SELF_MANAGED_RESELLER_LEGACY, CUSTOMER, 1L, "We bought it through a reseller.", Expect.refuse(Refusal.VOUCH_ACTIVATION_UNKNOWN)),
                arguments(SELF_MANAGED_RESELLER_OFFLINE, RESELLER, 1L, "We authorise Carol to manage the subscription.", Expect.refuse(Refusal.VOUCH_ACTIVATION_UNKNOWN)),
                arguments(SELF_MANAGED_RESELLER_OFFLINE, CUSTOMER, 1L, "Our reseller can confirm this.", Expect.refuse(Refusal.VOUCH_ACTIVATION_UNKNOWN)),
                // taking part is not vouching: a refusal, a question or a hedge from the reseller verifies nothing
                arguments(SELF_MANAGED_RESELLER_UNACTIVATED, RESELLER, 1L, "We cannot vouch for this person.", Expect.nothing()),
                arguments(SELF_MANAGED_RESELLER_UNACTIVATED, RESELLER, 1L, "Who is this? We have never heard of them.", Expect.nothing()),
                arguments(SELF_MANAGED_RESELLER_UNACTIVATED, RESELLER, 1L, "We are checking with our team and will get back to you.", Expect.nothing()),
                arguments(SELF_MANAGED_RESELLER_UNACTIVATED, RESELLER, 1L, "We are the reseller of this subscription.", Expect.nothing()),
                arguments(SELF_MANAGED_RESELLER_UNACTIVATED, CUSTOMER, 1L, "We bought it through a reseller.", Expect.refuse(Refusal.VOUCH_DOMAIN_MISMATCH)),
                arguments(SELF_MANAGED_DIRECT, CUSTOMER, 1L, "Our reseller handles this.", Expect.refuse(Refusal.VOUCH_NOT_RESELLER_PURCHASE)),
                arguments(SELF_MANAGED_RESELLER_UNACTIVATED, RESELLER, 1L, "We do not approve this change.", Expect.nothing()),
                // nothing to check
                arguments(SELF_MANAGED_DIRECT, CUSTOMER, 1L, "Thanks, I will look for it tomorrow.", Expect.nothing()));
    }

    @ParameterizedTest(name = "{0} / {1} / {3} -> {4}")
    @MethodSource("rows")
    void checks_one_comment(Setup setup, Person author, long commentId, String body, Expect expect) {
        Comment comment = comment(commentId, author, true, body);
        List<Verdict> verdicts = ProofRules.check(comment, setup.verificationCase(), CUSTOMER, factsFor(setup, comment), CTX);

        if (expect.accepted() != null) {
            assertThat(verdicts).filteredOn(v -> v instanceof Verdict.Accepted)
                    .extracting(v -> ((Verdict.Accepted) v).kind()).contains(expect.accepted());
        } else {
            assertThat(verdicts).noneMatch(v -> v instanceof Verdict.Accepted);
            if (expect.refused() == null) assertThat(verdicts).isEmpty();
            else assertThat(verdicts).extracting(v -> ((Verdict.Refused) v).reason()).contains(expect.refused());
        }
    }

    @Test
    void an_image_attachment_is_refused_as_a_screenshot() {
        Comment comment = comment(1, CUSTOMER, true, "Attached.", new Attachment("IMG_2031.JPG", "application/octet-stream"));
        assertThat(ProofRules.check(comment, SELF_MANAGED_DIRECT.verificationCase(), CUSTOMER, Facts.none(), CTX))
                .containsExactly(new Verdict.Refused(ProofKind.LICENSE_TEXT, Refusal.SCREENSHOT));
    }

    /**
     * What was attached is answered in matching words: an invoice (picture or document) gets "send its number", a license
     * file gets "paste its text", a picture of anything else the screenshot rule; a document that is no invoice is not
     * judged (it may be a contract an agent confirms).
     */
    static Stream<Arguments> attachments() {
        Attachment invoicePng = new Attachment("invoice-may.png", "image/png");
        Attachment invoicePdf = new Attachment("Invoice_2025-05.pdf", "application/pdf");
        Attachment pdf = new Attachment("scan.pdf", "application/pdf");
        Attachment licenseFile = new Attachment("Acme.gitlab-license", "application/octet-stream");
        Attachment licensePng = new Attachment("license-page.png", "image/png");
        return Stream.of(
                arguments(SELF_MANAGED_DIRECT, "Attached.", invoicePng, Expect.refuse(Refusal.SCREENSHOT_OF_INVOICE)),
                arguments(SELF_MANAGED_DIRECT, "Here is a screenshot of our invoice.", null, Expect.refuse(Refusal.SCREENSHOT_OF_INVOICE)),
                arguments(SELF_MANAGED_DIRECT, "Our invoice, see the picture.", new Attachment("IMG_0001.JPG", null), Expect.refuse(Refusal.SCREENSHOT_OF_INVOICE)),
                arguments(SELF_MANAGED_DIRECT, "Attached.", invoicePdf, Expect.refuse(Refusal.INVOICE_DOCUMENT)),
                arguments(SAAS_DIRECT, "Please find our latest invoice attached.", pdf, Expect.refuse(Refusal.INVOICE_DOCUMENT)),
                arguments(SELF_MANAGED_DIRECT, "Invoice attached, number INV-1001-A.", invoicePdf, Expect.accept(ProofKind.INVOICE)),
                arguments(SELF_MANAGED_RESELLER_ACTIVATED, "Attached.", invoicePdf, Expect.refuse(Refusal.INVOICE_RESELLER_PURCHASE)),
                arguments(SELF_MANAGED_DIRECT, "Our contract is attached.", pdf, Expect.nothing()),
                arguments(SELF_MANAGED_DIRECT, "Attached our license.", licenseFile, Expect.refuse(Refusal.LICENSE_FILE)),
                arguments(SAAS_DIRECT, "Attached our license.", licenseFile, Expect.refuse(Refusal.LICENSE_SAAS_SUBSCRIPTION)),
                arguments(SELF_MANAGED_DIRECT, "Attached.", licensePng, Expect.refuse(Refusal.SCREENSHOT)),
                arguments(SELF_MANAGED_DIRECT, "Attached a screenshot.", null, Expect.refuse(Refusal.SCREENSHOT)));
    }

    @ParameterizedTest(name = "{0} / \"{1}\" with {2} -> {3}")
    @MethodSource("attachments")
    void answers_an_attachment_in_words_that_match_it(Setup setup, String body, Attachment attachment, Expect expect) {
        Comment comment = attachment == null ? comment(1, CUSTOMER, true, body) : comment(1, CUSTOMER, true, body, attachment);
        List<Verdict> verdicts = ProofRules.check(comment, setup.verificationCase(), CUSTOMER, factsFor(setup, comment), CTX);
        if (expect.accepted() != null) {
            assertThat(verdicts).filteredOn(v -> v instanceof Verdict.Accepted)
                    .extracting(v -> ((Verdict.Accepted) v).kind()).contains(expect.accepted());
        } else if (expect.refused() == null) {
            assertThat(verdicts).isEmpty();
        } else {
            assertThat(verdicts).extracting(v -> ((Verdict.Refused) v).reason()).containsExactly(expect.refused());
        }
    }

    @Test
    void accepted_detail_names_the_invoice_but_never_the_comment_text() {
        Comment comment = comment(1, CUSTOMER, true, "Invoice INV-1001-A, code " + ACTIVATION_CODE);
        List<Verdict> verdicts = ProofRules.check(comment, SELF_MANAGED_DIRECT.verificationCase(), CUSTOMER, factsFor(SELF_MANAGED_DIRECT, comment), CTX);
        assertThat(verdicts).first().isInstanceOfSatisfying(Verdict.Accepted.class, a -> {
            assertThat(a.detail()).contains("INV-1001-A").contains("2025-05-01").doesNotContain(ACTIVATION_CODE);
        });
    }

    @Test
    void invoice_age_comes_from_the_policy() {
        Policy eighteenMonths = new Policy(Policy.defaults().staffEmailDomains(), Period.ofMonths(18), Policy.defaults().clockSkew());
        Comment comment = comment(1, CUSTOMER, true, "INV-0901-A");
        Facts facts = factsFor(SELF_MANAGED_DIRECT, comment);
        assertThat(ProofRules.check(comment, SELF_MANAGED_DIRECT.verificationCase(), CUSTOMER, facts, new Context(NOW, eighteenMonths)))
                .hasOnlyElementsOfType(Verdict.Accepted.class).hasSize(1);
        // exactly 12 months old is still recent; one day more is not
        assertThat(ProofRules.invoice("INV-X", CUSTOMER.email(), SELF_MANAGED_DIRECT.verificationCase(),
                Facts.builder().found(new FactRequest.InvoiceByNumber("INV-X"), invoiceOn("2024-06-15")).build(), CTX))
                .isInstanceOf(Verdict.Accepted.class);
        assertThat(ProofRules.invoice("INV-X", CUSTOMER.email(), SELF_MANAGED_DIRECT.verificationCase(),
                Facts.builder().found(new FactRequest.InvoiceByNumber("INV-X"), invoiceOn("2024-06-14")).build(), CTX))
                .isEqualTo(new Verdict.Refused(ProofKind.INVOICE, Refusal.INVOICE_TOO_OLD));
    }

    @Test
    void staff_domains_come_from_the_policy_and_include_subdomains() {
        Context ctx = new Context(NOW, Policy.defaults().withStaffEmailDomains(java.util.Set.of("acme.example")));
        Comment comment = comment(1, CUSTOMER, true, "INV-1001-A");
        assertThat(ProofRules.check(comment, SELF_MANAGED_DIRECT.verificationCase(), CUSTOMER, factsFor(SELF_MANAGED_DIRECT, comment), ctx))
                .containsExactly(new Verdict.Refused(ProofKind.INVOICE, Refusal.FROM_STAFF));
        Comment sub = comment(2, new Person("Eng", "eng@dev.gitlab.com"), true, "INV-1001-A");
        assertThat(ProofRules.check(sub, SELF_MANAGED_DIRECT.verificationCase(), CUSTOMER, factsFor(SELF_MANAGED_DIRECT, sub), CTX))
                .containsExactly(new Verdict.Refused(ProofKind.INVOICE, Refusal.FROM_STAFF));
    }

    @Test
    void a_check_without_its_facts_gives_no_verdict_rather_than_a_wrong_refusal() {
        Comment comment = comment(LICENSE_OURS, CUSTOMER, true, "INV-1001-A " + LICENSE_TEXT);
        assertThat(ProofRules.check(comment, SELF_MANAGED_DIRECT.verificationCase(), CUSTOMER, Facts.none(), CTX)).isEmpty();
    }

    static Stream<Arguments> soldToReplies() {
        return Stream.of(
                arguments(SELF_MANAGED_DIRECT, SOLD_TO, "I approve", SoldToReply.APPROVED),
                arguments(SELF_MANAGED_DIRECT, new Person("Alice", "Alice.Owner@ACME.example"), "Yes, approved.", SoldToReply.APPROVED),
                arguments(SELF_MANAGED_DIRECT, SOLD_TO, "I do not approve this.", SoldToReply.DENIED),
                arguments(SELF_MANAGED_DIRECT, SOLD_TO, "Reject. I don't know this person.", SoldToReply.DENIED),
                arguments(SELF_MANAGED_DIRECT, SOLD_TO, "Who is Carol?", SoldToReply.UNCLEAR),
                arguments(SELF_MANAGED_DIRECT, BILL_TO, "I approve", SoldToReply.FROM_BILL_TO),
                arguments(SELF_MANAGED_DIRECT_ONE_CONTACT, SOLD_TO, "I approve", SoldToReply.APPROVED),
                arguments(SELF_MANAGED_DIRECT, CUSTOMER, "I approve", SoldToReply.NOT_FROM_SOLD_TO),
                arguments(SELF_MANAGED_DIRECT_STAFF_SOLD_TO, STAFF, "I approve", SoldToReply.FROM_STAFF));
    }

    @ParameterizedTest(name = "{0} / {1} says \"{2}\" -> {3}")
    @MethodSource("soldToReplies")
    void reads_replies_on_the_approval_ticket(Setup setup, Person author, String body, SoldToReply expected) {
        assertThat(ProofRules.soldToReply(comment(9, author, true, body), setup.verificationCase(), CTX)).isEqualTo(expected);
    }

    private static dev.supportbot.workflows.domain.Invoice invoiceOn(String date) {
        return new dev.supportbot.workflows.domain.Invoice("INV-X", ACCOUNT_ID, java.time.LocalDate.parse(date), java.math.BigDecimal.TEN);
    }

    /** Fetches what the workflow would ask for these candidates, as the bot would. */
    private static Facts factsFor(Setup setup, Comment comment) {
        List<FactRequest<?>> requests = new ArrayList<>();
        for (ProofCandidate c : CommentClassifier.classify(comment)) {
            requests.addAll(ProofRules.factsFor(c, setup.subscription().namespace(), setup.reseller ? PARTNER.invoiceOwnerAccountId() : null));
        }
        return setup.portal().answer(requests);
    }
}
