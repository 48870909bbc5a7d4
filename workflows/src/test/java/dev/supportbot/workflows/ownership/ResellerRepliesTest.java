package dev.supportbot.workflows.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.engine.Person;
import dev.supportbot.workflows.ownership.ResellerReplies.Reading;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * docs/handbook.md, "Ownership verification", the reseller's vouch: "A reseller can vouch for an account ownership
 * change through a ticket request." Only an explicit vouch in the reseller's own new text counts: the reseller itself
 * affirms (we/I confirm, vouch for, approve, authorise; "is authorised to") the change (managing the subscription,
 * being its contact or owner) for the requester (by name, email address, "the requester", "him/her"), who stands
 * where the vouch names whom it is for: a vouch for someone else is none though the sentence names the requester
 * too, and so is a vouch for two people. A refusal or a hedge wins; anything else, such as confirming something
 * else, is no vouch. The requester here is Carol Customer, carol@acme.example.
 */
class ResellerRepliesTest {

    private static final Person CAROL = Fixtures.CUSTOMER;

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            We confirm that Carol may manage the subscription.                                                   | VOUCH
            We sold this subscription to Acme and confirm that Carol Customer is the new contact.                | VOUCH
            I can confirm Carol is the right contact for Acme.                                                   | VOUCH
            We hereby vouch for Carol Customer as the new subscription owner.                                    | VOUCH
            We approve Carol as the new Sold To contact.                                                         | VOUCH
            We authorize Carol to manage the subscription.                                                       | VOUCH
            Carol is authorised to manage this subscription.                                                     | VOUCH
            We are happy to confirm that carol@acme.example is the new contact for this subscription.            | VOUCH
            We’re glad to confirm the requester may manage the subscription for Acme.                            | VOUCH
            I confirm that she can have access to the Customers Portal for this subscription.                    | VOUCH
            We confirm Ms Customer is the new owner of the subscription.                                         | VOUCH
            Partner Co here: we sold the license and we authorise Carol Customer to take over its ownership.     | VOUCH
            We confirm the contact change to Carol.                                                              | VOUCH
            We confirm that Carol may manage the subscription. Let us know if you have any questions.            | VOUCH
            We confirm that Carol may manage the subscription. Could you please make the change?                 | VOUCH
            Hi, Carol (carol@acme.example) is authorized to manage Acme's subscription on our behalf.            | VOUCH
            CAROL CUSTOMER may manage the subscription, we confirm.                                              | VOUCH
            We confirm: Carol may manage the subscription.                                                       | VOUCH
            We vouch for him as the new owner of the subscription.                                               | VOUCH
            She is authorised to manage the subscription.                                                        | VOUCH
            Hi Olga, we confirm that Carol may manage the subscription. Thanks, Rita                             | VOUCH
            We cannot vouch for this person.                                                                     | REFUSAL
            We can't confirm this request.                                                                       | REFUSAL
            Who is this? We have never heard of them.                                                            | REFUSAL
            We do not know this person.                                                                          | REFUSAL
            We don't know this person, can you check?                                                            | REFUSAL
            This is not one of our customers.                                                                    | REFUSAL
            We do not approve this change.                                                                       | REFUSAL
            Please reject this request, it looks like fraud.                                                     | REFUSAL
            Carol is not authorized to make changes.                                                             | REFUSAL
            We are unable to confirm who this is.                                                                | REFUSAL
            We have no record of this customer.                                                                  | REFUSAL
            We confirm nothing.                                                                                  | REFUSAL
            Acme's PO was approved. Carol is unknown.                                                            | REFUSAL
            Please go ahead and contact Acme directly, we are not involved.                                      | REFUSAL
            We confirm that Carol may manage the subscription. Sorry, no: we do not know her.                    | REFUSAL
            We are checking with the customer and will get back to you.                                          | HEDGE
            We will confirm once we hear from Acme.                                                              | HEDGE
            Let me check with our account team first.                                                            | HEDGE
            Can you confirm which subscription this is about?                                                    | HEDGE
            I think this is fine, but I am not sure.                                                             | HEDGE
            We confirm, pending approval from our manager.                                                       | HEDGE
            We are looking into it.                                                                              | HEDGE
            Probably fine, we will verify with Acme.                                                             | HEDGE
            Not yet confirmed by the customer.                                                                   | HEDGE
            If Carol works at Acme, then we approve.                                                             | HEDGE
            We confirm that Carol may manage the subscription if Acme agrees.                                    | HEDGE
            We confirm Carol may manage the subscription once the PO is signed.                                  | HEDGE
            Could you please make Carol the new contact if she still works at Acme?                              | HEDGE
            Carol should be the new contact, we confirm.                                                         | HEDGE
            Hello, we are the reseller of this subscription.                                                     | NO_VOUCH
            Thanks for the update.                                                                               | NO_VOUCH
            Please confirm the change for us.                                                                    | NO_VOUCH
            Adding my colleague in copy.                                                                         | NO_VOUCH
            ''                                                                                                   | NO_VOUCH
            We confirm receipt of your email.                                                                    | NO_VOUCH
            We confirm that Carol left Acme last month.                                                          | NO_VOUCH
            The customer confirmed to us by phone that Carol may manage the subscription.                        | NO_VOUCH
            Confirmed.                                                                                           | NO_VOUCH
            Approved.                                                                                            | NO_VOUCH
            Reseller here, please proceed.                                                                       | NO_VOUCH
            Yes, please go ahead with the change.                                                                | NO_VOUCH
            Approved on behalf of Partner Co.                                                                    | NO_VOUCH
            Confirmed, Carol is our customer's new administrator.                                                | NO_VOUCH
            We approve this request.                                                                             | NO_VOUCH
            We sold this subscription to Acme and confirm the request.                                           | NO_VOUCH
            Partner Co vouches for this change.                                                                  | NO_VOUCH
            We confirm that Dave may manage the subscription.                                                    | NO_VOUCH
            We vouch for Dave Smith as the new owner.                                                            | NO_VOUCH
            We confirm that Carol does NOT work for Acme.                                                        | NO_VOUCH
            We confirm that Dave, not Carol, may manage the subscription.                                        | NO_VOUCH
            We confirm Carol no longer may manage the subscription.                                              | NO_VOUCH
            We confirm we sold Acme the license.                                                                 | NO_VOUCH
            We confirm that Acme may manage the subscription.                                                    | NO_VOUCH
            We confirm the customer may manage the subscription.                                                 | NO_VOUCH
            We confirm Carol.                                                                                    | NO_VOUCH
            We confirm that Carol is the administrator of Acme's GitLab instance.                                | NO_VOUCH
            We confirm that Carol will contact you.                                                              | NO_VOUCH
            Acme told us: "we confirm that Carol may manage the subscription".                                   | NO_VOUCH
            We confirm Carol works at Acme. The new contact will be named by Acme.                               | NO_VOUCH
            We confirm that Acme may manage the subscription, as we sold it to them.                             | NO_VOUCH
            We confirm that dave@acme.example may manage the subscription for Carol.                             | NO_VOUCH
            Hi Carol, we confirm that Dave is the new contact.                                                   | NO_VOUCH
            Dear Carol Customer: we confirm that Dave may manage the subscription.                               | NO_VOUCH
            We confirm that Dave may manage the subscription, thanks Carol.                                      | NO_VOUCH
            We confirm that Carol Customer (carol@acme.example) may manage the subscription.                     | VOUCH
            We are pleased to confirm, on behalf of Partner Co, that Carol may manage the subscription.          | VOUCH
            We confirm, please make Carol the new contact.                                                       | VOUCH
            We approve Carol as the new contact, replacing Dave.                                                 | VOUCH
            We confirm that Carol may manage the subscription from now on, in place of Dave.                     | VOUCH
            We confirm the ownership transfer to Carol.                                                          | VOUCH
            We confirm that Carol has our approval to manage the subscription.                                   | VOUCH
            Carol Customer <carol@acme.example> is authorised to manage the subscription, we confirm.            | VOUCH
            We confirm: the new contact is Carol.                                                                | VOUCH
            We confirm that the requester may manage the subscription, as Dave has left Acme.                    | VOUCH
            We vouch for her as the new owner of the subscription.                                               | VOUCH
            We confirm that she may manage the subscription.                                                     | VOUCH
            We authorise Carol to take over the ownership of the subscription.                                   | VOUCH
            As Acme asked, we confirm: Carol may manage the subscription.                                     | VOUCH
            We confirm the contact change to Carol, as agreed with Acme.                                         | VOUCH
            We sold this subscription to Acme and confirm that Carol may manage it as its new contact.           | VOUCH
            We confirm that Dave, who replaces Carol, may manage the subscription.                               | NO_VOUCH
            We confirm that Dave may manage the subscription instead of Carol Customer.                          | NO_VOUCH
            We confirm Dave Smith as the new contact; Carol has left.                                            | NO_VOUCH
            We confirm Dave Smith as the new contact, Carol has left.                                            | NO_VOUCH
            Carol asked us, and we confirm that Dave may manage the subscription.                                | NO_VOUCH
            We vouch for Dave, Carol's manager, as the new owner.                                                | NO_VOUCH
            We confirm that Dave replaces Carol as the new contact.                                              | NO_VOUCH
            We confirm that Dave takes over from Carol as the new owner of the subscription.                     | NO_VOUCH
            We confirm that Dave may manage the subscription in place of Carol.                                  | NO_VOUCH
            We confirm that Dave and Carol may manage the subscription.                                          | NO_VOUCH
            We confirm Carol and Dave as the new contacts.                                                       | NO_VOUCH
            We confirm that Carol's colleague Dave may manage the subscription.                                  | NO_VOUCH
            We confirm that Carol said Dave may manage the subscription.                                         | NO_VOUCH
            We confirm that Carol may hand over to Dave as the new contact.                                      | NO_VOUCH
            We approve Dave as the new contact, as Carol asked.                                                  | NO_VOUCH
            We make Dave the new contact for Carol.                                                              | NO_VOUCH
            Dave called us, and we confirm that he may manage the subscription.                                  | NO_VOUCH
            We confirm that Carol is Dave's manager and Dave is the new contact.                                 | NO_VOUCH
            We confirm that the new contact is Carol and Dave.                                                   | NO_VOUCH
            Partner Co here: we vouch for her as the new owner.                                                  | NO_VOUCH
            We confirm that she may manage Carol's subscription.                                                 | NO_VOUCH
            We confirm that she may manage the subscription for Carol.                                           | NO_VOUCH
            We vouch for him as the new owner, on behalf of Dave.                                                | NO_VOUCH
            We confirm that Dave may manage the subscription and that Carol has left.                            | NO_VOUCH
            We confirm the ownership transfer to Dave, as Carol asked.                                           | NO_VOUCH
            Carol, we confirm that Dave may manage the subscription.                                             | NO_VOUCH
            We approve Carol to add Dave as the new contact.                                                     | NO_VOUCH
            We authorise Carol to make Dave the new owner.                                                       | NO_VOUCH
            We confirm that Carol may give Dave access to the subscription.                                      | NO_VOUCH
            We confirm that Dave told us that Carol may manage the subscription.                                 | NO_VOUCH
            Dave says that Carol may manage the subscription, we confirm.                                        | NO_VOUCH
            Dave called us and we confirm that he may manage Carol's subscription.                               | NO_VOUCH
            Carol and Dave may manage the subscription, we confirm.                                              | NO_VOUCH
            We confirm that Carol may manage it with Dave as its new contact.                                    | NO_VOUCH
            We approve Carol as the new contact's assistant.                                                     | NO_VOUCH
            We confirm the ownership transfer from Carol to Dave.                                                | NO_VOUCH
            """)
    void reads_a_resellers_comment_about_the_requester(String text, Reading expected) {
        assertThat(ResellerReplies.read(text, CAROL)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "mail: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            We are checking.\\n\\nOn Mon, 2 Jun 2025, GitLab Support wrote:\\n> your reseller can confirm your request                | HEDGE
            Thanks\\n> We confirm that Carol may manage the subscription.                                                           | NO_VOUCH
            See below.\\n\\nOn Tue, 3 Jun 2025, Carol Customer wrote:\\nWe confirm that Carol may manage the subscription.          | NO_VOUCH
            FYI\\n-----Original Message-----\\nFrom: orders@partner.example\\nWe confirm that Carol may manage the subscription.  | NO_VOUCH
            We confirm that Carol may manage the subscription.\\n> Can you confirm? We are not sure.                                | VOUCH
            Hello Olga,\\n\\nwe confirm that Carol may manage\\nthe subscription.\\n\\nBest regards,\\nRita                         | VOUCH
            Hello Carol,\\nwe confirm that Dave may manage the subscription.                                                      | NO_VOUCH
            """)
    void reads_a_mail_as_written_and_only_its_new_text(String text, Reading expected) {
        assertThat(ResellerReplies.read(text.replace("\\n", "\n"), CAROL)).isEqualTo(expected);
    }

    /** The requester as the ticket knows them: their name (in any case) or only their address, or not at all. */
    @ParameterizedTest(name = "requester {0} <{1}>: \"{2}\" -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            carol customer | carol@acme.example | We confirm that Carol may manage the subscription.          | VOUCH
            -              | carol@acme.example | We confirm that carol@acme.example may manage the account.  | VOUCH
            -              | carol@acme.example | We confirm that Carol may manage the subscription.          | NO_VOUCH
            Jo Lee         | jo@acme.example    | We confirm Mr Lee is the new contact.                       | VOUCH
            Dave Smith     | dave@acme.example  | We confirm that Carol may manage the subscription.          | NO_VOUCH
            -              | -                  | We confirm the requester may manage the subscription.       | VOUCH
            -              | -                  | We confirm that Carol may manage the subscription.          | NO_VOUCH
            """)
    void the_vouch_is_about_the_requester_as_the_ticket_knows_them(String name, String email, String text, Reading expected) {
        Person requester = name == null && email == null ? null : new Person(name, email);
        assertThat(ResellerReplies.read(text, requester)).isEqualTo(expected);
    }
}
