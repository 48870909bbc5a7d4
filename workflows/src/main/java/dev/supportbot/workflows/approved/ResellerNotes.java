package dev.supportbot.workflows.approved;

import dev.supportbot.workflows.engine.Drafts;

/**
 * What the notes about a plan on a reseller purchase say, for agents and, drafted, for the customer or the reseller
 * (the rule itself, that a reseller never becomes a contact, is {@link dev.supportbot.workflows.plan.Resellers}).
 */
public final class ResellerNotes {
    private ResellerNotes() {}

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
