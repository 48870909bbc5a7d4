package dev.supportbot.workflows.plan;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Emails;
import java.util.Optional;

/**
 * Reseller purchases (handbook, Customers Portal): "Resellers do not have access to the Customers Portal, or their
 * customers' accounts", and a customer who bought through a reseller changes the subscription through the reseller.
 * A requester whose email domain is the reseller's (the Sold To domain of the reseller's invoice-owner account) is
 * never made a member or the Sold To of the account the reseller sold: no plan, whatever else the facts say.
 */
public final class Resellers {
    private Resellers() {}

    static Optional<Planning> refuseRequester(BillingAccount account, String email) {
        if (account.reseller() == null) return Optional.empty();
        String resellerDomain = Emails.domainOf(account.reseller().invoiceOwnerSoldToEmail());
        if (resellerDomain.isEmpty() || !resellerDomain.equals(Emails.domainOf(email))) return Optional.empty();
        return Optional.of(Planning.notPlanned(Planning.Why.RESELLER_REQUESTER, "the requester writes from the domain of "
                + account.reseller().name() + ", the reseller of this subscription; resellers have no access to the"
                + " Customers Portal or to their customers' accounts"));
    }

    /** The reseller of the plan's billing account, when it was bought through one. */
    public static Optional<String> resellerOf(Plan plan) {
        return plan.facts().account(plan.goal().billingAccountId())
                .map(BillingAccount::reseller).map(BillingAccount.Reseller::name);
    }
}
