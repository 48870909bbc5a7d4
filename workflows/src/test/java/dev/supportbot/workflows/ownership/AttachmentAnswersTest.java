package dev.supportbot.workflows.ownership;

import static dev.supportbot.workflows.ownership.Fixtures.*;
import static dev.supportbot.workflows.ownership.Flow.publicText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.engine.Attachment;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.ownership.Fixtures.Setup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * docs/handbook.md, "Ownership verification": a proof offered in a form the bot cannot check is answered in words that
 * match it. The public comment says what was attached and, in words, what to send instead; it does not answer an
 * invoice with license advice or a license file with invoice advice.
 */
class AttachmentAnswersTest {

    @ParameterizedTest(name = "{0}: {2} ({3}) -> \"{4}\" / \"{5}\"")
    @CsvSource(delimiter = '|', textBlock = """
            SELF_MANAGED_DIRECT | Attached.                  | Invoice_2025-05.pdf  | application/pdf          | attached invoice files      | reply with the invoice number printed on the invoice  | license
            SAAS_DIRECT         | Our invoice is attached.   | scan.pdf             | application/pdf          | attached invoice files      | reply with the invoice number printed on the invoice  | license
            SELF_MANAGED_DIRECT | Attached.                  | invoice-may.png      | image/png                | A screenshot of an invoice  | reply with the invoice number printed on it           | license
            SELF_MANAGED_DIRECT | Attached our license.      | Acme.gitlab-license  | application/octet-stream | attached license files      | open the .gitlab-license file in a text editor and paste its text | invoice
            SELF_MANAGED_DIRECT | Attached.                  | license-page.png     | image/png                | Screenshots cannot be accepted | paste the license text itself                      | invoice
            SAAS_DIRECT         | Attached our license.      | Acme.gitlab-license  | application/octet-stream | as a .gitlab-license file, only applies to self-managed subscriptions | please send one of the proofs below instead | invoice number printed
            """)
    void the_answer_names_what_was_attached_and_what_to_send_instead(Setup setup, String body, String file, String type,
                                                                     String whatWasAttached, String whatToSendInstead,
                                                                     String notAbout) {
        Flow flow = Flow.awaitingProof(setup, CUSTOMER);
        Decision<OwnershipState> d = flow.comments(CUSTOMER, fromRequester(20, CUSTOMER, body, new Attachment(file, type)));

        String text = publicText(d);
        assertThat(text).contains("Unfortunately we cannot accept it as proof yet");
        String why = text.substring(text.indexOf("proof yet:"), text.indexOf("Any ONE of the following"));
        assertThat(why).contains(whatWasAttached).contains(whatToSendInstead).doesNotContainIgnoringCase(notAbout);
        if (setup == Setup.SAAS_DIRECT) {
            assertThat(text.substring(text.indexOf("Any ONE of the following"))).contains("gitlab_subscription");
        }
    }
}
