package dev.supportbot.bot.portal;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.ContactRole;
import dev.supportbot.workflows.domain.Invoice;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.domain.Subscription;
import java.util.List;
import java.util.Optional;

/** Billing accounts with their contacts and memberships, subscriptions and invoices. */
public interface PortalBilling {

    BillingAccount billingAccount(long billingAccountId);

    Optional<BillingAccount> findBillingAccountByZuoraId(String zuoraAccountId);

    /** Beware the back end's side effect: an email that no customer has creates a new customer. */
    BillingAccount updateContact(long billingAccountId, ContactRole role, Contact contact, IdempotencyKey key);

    /** At most one: a customer has at most one membership. */
    List<Membership> membershipsOfCustomer(long customerId);

    List<Membership> membershipsOfBillingAccount(long billingAccountId);

    /** Refused with {@link PortalException.Conflict} when the customer already has a membership. */
    Membership createMembership(long customerId, long billingAccountId, IdempotencyKey key);

    void deleteMembership(long membershipId, IdempotencyKey key);

    Subscription subscription(String subscriptionName);

    List<Subscription> subscriptionsOfBillingAccount(long billingAccountId);

    /** Newest first. */
    List<Invoice> invoicesOfBillingAccount(long billingAccountId);

    Invoice invoice(String invoiceNumber);
}
