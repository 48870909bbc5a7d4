package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.CloudActivation;
import dev.supportbot.workflows.domain.Emails;
import dev.supportbot.workflows.domain.Subscription;

/**
 * What the portal says about the subscription a request is about, fetched fresh for each event.
 *
 * @param activation        the cloud activation, or null when there is none (SaaS, legacy license)
 * @param invoiceOwner      for reseller purchases, the reseller's invoice-owner account, or null when not fetched
 */
record VerificationCase(Subscription subscription, BillingAccount account, CloudActivation activation,
                        BillingAccount invoiceOwner) {

    boolean resellerPurchase() {
        return subscription.reseller() || account.boughtThroughReseller();
    }

    /** Reseller purchase whose license is provably not activated: a cloud activation with no instance yet. */
    boolean unactivatedResellerPurchase() {
        return resellerPurchase() && activation != null && activation.codeUnused();
    }

    /** The Sold To email domain of the reseller's invoice-owner account; "" when unknown. */
    String resellerDomain() {
        return account.reseller() == null ? "" : Emails.domainOf(account.reseller().invoiceOwnerSoldToEmail());
    }

    boolean fromReseller(String email) {
        String domain = Emails.domainOf(email);
        return !domain.isEmpty() && domain.equals(resellerDomain());
    }

    boolean isSoldTo(String email) {
        return account.soldTo() != null && Emails.sameAddress(account.soldTo().email(), email);
    }

    /** The author is the Bill To contact and that is a different person from Sold To. */
    boolean isSeparateBillTo(String email) {
        return account.soldToDiffersFromBillTo() && Emails.sameAddress(account.billTo().email(), email);
    }
}
