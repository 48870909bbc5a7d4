package dev.supportbot.workflows.plan;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Emails;
import dev.supportbot.workflows.engine.Drafts;
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

    /** For agents: why no plan was made for a reseller, {@code reason} the planner's. */
    public static String neverAContact(String reason) {
        return reason + ". A reseller is never made a member or the Sold To: the customer's own contact has to ask, and"
                + " the reseller can confirm their request.";
    }

    /** For agents, beside a plan on a reseller purchase, with the answer drafted for the customer. */
    public static String boughtThrough(String reseller) {
        return "this subscription was bought through " + reseller + ". Should the customer ask about seats, renewals or"
                + " invoices, those go through the reseller.\n\n" + draftForCustomer(reseller);
    }

    /** A drafted answer to a reseller who asked to become the contact of a subscription they sold. */
    public static String draftToReseller(String subscriptionName) {
        return Drafts.reply("Hello,\n\nThank you for your request about subscription " + subscriptionName + ". Resellers do "
                + "not have access to the Customers Portal or to their customers' accounts, so we cannot make you a contact "
                + "of this subscription. Your customer's own contact can ask us for the change; you are welcome to confirm on "
                + "their ticket, naming them, that they may manage the subscription.");
    }

    /** A drafted answer for the customer of a reseller purchase: changes to the subscription go through the reseller. */
    public static String draftForCustomer(String resellerName) {
        return Drafts.reply("As your subscription was purchased through " + resellerName + ", it is read-only in the "
                + "Customers Portal: for more seats, renewals and invoices, please contact " + resellerName + " directly.");
    }
}
