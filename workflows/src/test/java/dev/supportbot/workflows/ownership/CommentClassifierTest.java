package dev.supportbot.workflows.ownership;

import static dev.supportbot.workflows.ownership.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.engine.Attachment;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommentClassifierTest {

    private static List<ProofCandidate> classify(String body, Attachment... attachments) {
        return CommentClassifier.classify(fromRequester(77, CUSTOMER, body, attachments));
    }

    @Test
    void finds_every_invoice_number_upper_cased_once() {
        assertThat(classify("Invoices INV-1001-A and inv-0901-a, again INV-1001-A; also INV00012345."))
                .containsExactly(new ProofCandidate.InvoiceNumber("INV-1001-A"), new ProofCandidate.InvoiceNumber("INV-0901-A"),
                        new ProofCandidate.InvoiceNumber("INV00012345"));
        assertThat(classify("My INVOICE is lost; INV-12 is too short; XINV-1001 is not one")).isEmpty();
    }

    @Test
    void license_text_is_a_candidate_by_comment_id_and_an_activation_code_alone_is_not_proof() {
        assertThat(classify("License:\n" + LICENSE_TEXT)).containsExactly(new ProofCandidate.LicenseText(77));
        assertThat(classify("Activation code: " + ACTIVATION_CODE)).containsExactly(new ProofCandidate.ActivationCodeOnly());
        assertThat(classify(LICENSE_TEXT + "\nand the code " + ACTIVATION_CODE)).containsExactly(new ProofCandidate.LicenseText(77));
    }

    @Test
    void screenshots_by_word_or_image_attachment() {
        assertThat(classify("Attached a screen shot")).containsExactly(new ProofCandidate.Screenshot());
        assertThat(classify("see attachment", new Attachment("proof.pdf", "application/pdf"))).isEmpty();
        assertThat(classify("see attachment", new Attachment("license.png", null))).containsExactly(new ProofCandidate.Screenshot());
    }

    @Test
    void gitlab_subscription_json_parsed_or_unreadable() {
        assertThat(classify(gitlabSubscriptionJson("ultimate", 25, "2025-01-01", "2026-01-01")))
                .singleElement().isInstanceOf(ProofCandidate.NamespaceJson.class);
        assertThat(classify("\"seats_in_subscription\": 25 (copied part of it)"))
                .containsExactly(new ProofCandidate.UnreadableNamespaceJson());
    }

    @Test
    void approval_and_reseller_words() {
        assertThat(classify("I approve")).containsExactly(new ProofCandidate.Approval());
        assertThat(classify("I don't approve")).isEmpty();
        assertThat(classify("Waiting for the approval")).isEmpty();
        assertThat(classify("We bought through our Reseller")).containsExactly(new ProofCandidate.ResellerMention());
    }
}
