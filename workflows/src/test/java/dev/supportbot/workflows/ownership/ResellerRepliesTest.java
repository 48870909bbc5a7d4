package dev.supportbot.workflows.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.ownership.ResellerReplies.Reading;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Handbook (Associating purchases, ownership verification, option for unactivated reseller purchases): "A reseller can
 * vouch for an account ownership change through a ticket request." Only an explicit vouch in the reseller's own new
 * text counts; a refusal, a question or a hedge is not one, nor is a comment that merely takes part in the ticket.
 */
class ResellerRepliesTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            We sold this subscription to Acme and confirm the request.                                   | VOUCH
            We confirm that Carol may manage the subscription.                                           | VOUCH
            I can confirm Carol is the right contact for Acme.                                           | VOUCH
            We hereby vouch for Carol Customer.                                                          | VOUCH
            Partner Co vouches for this change.                                                          | VOUCH
            Confirmed, Carol is our customer's new administrator.                                        | VOUCH
            We approve this request.                                                                     | VOUCH
            Approved on behalf of Partner Co.                                                            | VOUCH
            We authorize Carol to manage the subscription.                                               | VOUCH
            Carol is authorised to manage this subscription.                                             | VOUCH
            Reseller here, please proceed.                                                               | VOUCH
            Yes, please go ahead with the change.                                                        | VOUCH
            We are happy to confirm the change of contact.                                               | VOUCH
            We cannot vouch for this person.                                                             | REFUSAL
            We can't confirm this request.                                                               | REFUSAL
            Who is this? We have never heard of them.                                                    | REFUSAL
            We do not know this person.                                                                  | REFUSAL
            This is not one of our customers.                                                            | REFUSAL
            We do not approve this change.                                                               | REFUSAL
            Please reject this request, it looks like fraud.                                             | REFUSAL
            Carol is not authorized to make changes.                                                     | REFUSAL
            We are unable to confirm who this is.                                                        | REFUSAL
            We have no record of this customer.                                                          | REFUSAL
            We are checking with the customer and will get back to you.                                  | HEDGE
            We will confirm once we hear from Acme.                                                      | HEDGE
            Let me check with our account team first.                                                   | HEDGE
            Can you confirm which subscription this is about?                                            | HEDGE
            I think this is fine, but I am not sure.                                                     | HEDGE
            We confirm, pending approval from our manager.                                               | HEDGE
            We are looking into it.                                                                      | HEDGE
            Probably fine, we will verify with Acme.                                                     | HEDGE
            Not yet confirmed by the customer.                                                           | HEDGE
            If Carol works at Acme, then we approve.                                                     | HEDGE
            Hello, we are the reseller of this subscription.                                             | NO_VOUCH
            Thanks for the update.                                                                       | NO_VOUCH
            Please confirm the change for us.                                                            | NO_VOUCH
            Adding my colleague in copy.                                                                 | NO_VOUCH
            ''                                                                                           | NO_VOUCH
            """)
    void reads_a_resellers_comment(String text, Reading expected) {
        assertThat(ResellerReplies.read(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "quoted: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            We are checking.\\n\\nOn Mon, 2 Jun 2025, GitLab Support wrote:\\n> your reseller can confirm your request   | HEDGE
            Thanks\\n> We confirm the request.                                                                            | NO_VOUCH
            We confirm the request.\\n> Can you confirm? We are not sure.                                                 | VOUCH
            """)
    void only_the_new_text_counts(String text, Reading expected) {
        assertThat(ResellerReplies.read(text.replace("\\n", "\n"))).isEqualTo(expected);
    }
}
