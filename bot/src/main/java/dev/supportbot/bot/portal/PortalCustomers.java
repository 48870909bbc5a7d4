package dev.supportbot.bot.portal;

import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.HistoryEntry;
import dev.supportbot.workflows.domain.MailDelivery;
import dev.supportbot.workflows.domain.SignInLink;
import java.util.List;
import java.util.Optional;

/** Customers Portal users: look-ups, history, and the changes the workflows make to them. */
public interface PortalCustomers {

    Optional<Customer> findCustomerByEmail(String email);

    Customer customer(long customerId);

    /** Oldest first. */
    List<HistoryEntry> customerHistory(long customerId);

    /**
     * Edits and saves a customer. Beware the back end's side effect: the billing account contact with the customer's
     * old email is updated, and when no contact has it the Sold To is replaced by this customer.
     */
    Customer updateCustomer(long customerId, CustomerUpdate update, IdempotencyKey key);

    Customer unlinkGitLabAccount(long customerId, IdempotencyKey key);

    /** Mails a one-time sign-in link (works once, expires after 24 h) to the customer's email. */
    SignInLink sendSignInLink(long customerId, IdempotencyKey key);

    /** Mails the email confirmation instructions again, to the customer's own email (no other address can be given). */
    MailDelivery resendConfirmation(long customerId, IdempotencyKey key);
}
