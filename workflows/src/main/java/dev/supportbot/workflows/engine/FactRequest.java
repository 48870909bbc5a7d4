package dev.supportbot.workflows.engine;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.CloudActivation;
import dev.supportbot.workflows.domain.Invoice;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.domain.LicenseValidation;
import dev.supportbot.workflows.domain.MailDelivery;
import dev.supportbot.workflows.domain.NamespaceSubscription;
import dev.supportbot.workflows.domain.Subscription;
import java.util.List;

/**
 * A portal read a workflow needs before it can decide. {@code T} is the type of the answer; the bot answers
 * each request with a value of {@link #resultType()} or "not found".
 */
public sealed interface FactRequest<T>
        permits FactRequest.SubscriptionByName, FactRequest.BillingAccountById,
                FactRequest.BillingAccountOfSubscription, FactRequest.BillingAccountByZuoraId,
                FactRequest.InvoiceByNumber, FactRequest.LicenseValidationOfComment,
                FactRequest.NamespaceAdminView, FactRequest.CloudActivationOf, FactRequest.LicensesOfSubscription,
                FactRequest.OutcomeOf, FactRequest.PlanFactsOf, FactRequest.LicensesOfCustomer,
                FactRequest.MailDeliveriesOf, FactRequest.PortalAccountOf {

    Class<?> resultType();

    record SubscriptionByName(String name) implements FactRequest<Subscription> {
        public Class<?> resultType() { return Subscription.class; }
    }

    record BillingAccountById(long id) implements FactRequest<BillingAccount> {
        public Class<?> resultType() { return BillingAccount.class; }
    }

    /** The billing account a subscription belongs to (subscription, then account by its id). */
    record BillingAccountOfSubscription(String subscriptionName) implements FactRequest<BillingAccount> {
        public Class<?> resultType() { return BillingAccount.class; }
    }

    /** A billing account by its Zuora id, e.g. a reseller's invoice-owner account. */
    record BillingAccountByZuoraId(String zuoraAccountId) implements FactRequest<BillingAccount> {
        public Class<?> resultType() { return BillingAccount.class; }
    }

    record InvoiceByNumber(String number) implements FactRequest<Invoice> {
        public Class<?> resultType() { return Invoice.class; }
    }

    /**
     * The portal's validate-license answer for the license text pasted in comment {@code commentId}. The bot
     * re-reads that comment, takes the {@code LICENSE_KEY} span that {@code SecretScanner.find} reports, and sends
     * it to validate-license, all in memory: the text never enters an event, a state or a log.
     */
    record LicenseValidationOfComment(long commentId) implements FactRequest<LicenseValidation> {
        public Class<?> resultType() { return LicenseValidation.class; }
    }

    /** The admin view of a SaaS namespace's {@code gitlab_subscription}. */
    record NamespaceAdminView(String namespace) implements FactRequest<NamespaceSubscription> {
        public Class<?> resultType() { return NamespaceSubscription.class; }
    }

    /** The cloud activation of a subscription; not found for SaaS or legacy-license subscriptions. */
    record CloudActivationOf(String subscriptionName) implements FactRequest<CloudActivation> {
        public Class<?> resultType() { return CloudActivation.class; }
    }

    /** All licenses of a subscription; an empty list when there are none. */
    record LicensesOfSubscription(String subscriptionName) implements FactRequest<List<License>> {
        public Class<?> resultType() { return List.class; }
    }

    /**
     * A customer's licenses, newest issue first (handbook "License Troubleshooting": "find the last license key by email or
     * company name"): those issued to {@code email}; when there are none, those of the company of the portal customer
     * with that email. An empty list when neither has any.
     */
    record LicensesOfCustomer(String email) implements FactRequest<List<License>> {
        public Class<?> resultType() { return List.class; }
    }

    /**
     * The outcome of the newest instance of workflow {@code kind} on ticket {@code ticketId}; not found when there is
     * none. Answered from the bot's own store, not the portal.
     */
    record OutcomeOf(long ticketId, String kind) implements FactRequest<Outcome> {
        public Class<?> resultType() { return Outcome.class; }
    }

    /**
     * What a plan about subscription {@code subscriptionName} starts from: its billing account, and the back end
     * around it: the customers with the account's Sold To and Bill To emails and with {@code emails}, the account's
     * members, those customers' memberships and the accounts they belong to; and the change history of the customers
     * with {@code emails}. Not found when the subscription or its billing account does not exist.
     */
    record PlanFactsOf(String subscriptionName, List<String> emails) implements FactRequest<PlanFacts> {
        public PlanFactsOf {
            emails = List.copyOf(emails);
        }

        public Class<?> resultType() { return PlanFacts.class; }
    }

    /**
     * The mail delivery log of one recipient, newest first, subjects scrubbed of secrets; an empty list when nothing
     * was sent to it.
     */
    record MailDeliveriesOf(String recipient) implements FactRequest<List<MailDelivery>> {
        public Class<?> resultType() { return List.class; }
    }

    /**
     * The Customers Portal account whose email is {@code email}, as the back end around it: that customer, the billing
     * account it is a member of (if any) with its contacts and members, and their memberships. Not found when no
     * customer has that email.
     */
    record PortalAccountOf(String email) implements FactRequest<dev.supportbot.workflows.plan.BackendState> {
        public Class<?> resultType() { return dev.supportbot.workflows.plan.BackendState.class; }
    }
}
