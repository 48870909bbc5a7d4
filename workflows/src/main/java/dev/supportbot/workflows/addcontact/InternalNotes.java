package dev.supportbot.workflows.addcontact;

import dev.supportbot.workflows.approved.ResellerNotes;
import dev.supportbot.workflows.approved.GateWords;
import dev.supportbot.workflows.addcontact.AddContactState.Handoff;
import dev.supportbot.workflows.addcontact.AddContactState.Verification;
import dev.supportbot.workflows.engine.People;
import dev.supportbot.workflows.ownership.OwnershipFirst;
import dev.supportbot.workflows.ownership.ProofKind;
import java.time.Duration;

/**
 * Texts for agents: private notes on the ticket (people as {@link People#inNote}) and the lines of the approval
 * message in Slack (people as {@link People#inSlack}). No secrets in any.
 */
final class InternalNotes {
    static final String PREFIX = "Add contact: ";
    static final GateWords WORDS = new GateWords(PREFIX,
            " To try again, apply the add-contact macro again or run /lnr add-contact with this ticket's number in Slack.");

    static final OwnershipFirst OWNERSHIP = new OwnershipFirst(PREFIX, "The contact");

    private InternalNotes() {}

    static String planning(Verification v) {
        return PREFIX + "ownership of " + v.subscriptionName() + " is verified with " + ProofKind.words(v.proof())
                + ". Reading the billing account to plan the change.";
    }

    static String askedRequester(Duration expiry) {
        return PREFIX + "the requester already manages another billing account (a customer can be a member of only one)."
                + " Asked them whether to stop managing it; reminders follow, and the request closes as expired after "
                + days(expiry) + " without an answer.";
    }

    static String askedToSignUp(Duration expiry) {
        return PREFIX + "the requester has no Customers Portal account (no customer record with the ticket's requester"
                + " email). Asked them to sign up, with the link; their replies and the reminders look for the account,"
                + " and the change is planned once it exists. The request closes as expired after " + days(expiry)
                + " without it.";
    }

    static String signedUp() {
        return PREFIX + "the requester's Customers Portal account exists now. Reminders stopped.";
    }

    static String signUpExpired() {
        return PREFIX + "closed as expired, the requester did not create a Customers Portal account. Nothing was changed.";
    }

    static String requesterAgreed() {
        return PREFIX + "the requester agreed to stop managing their other billing account. Planning again, with that"
                + " membership removed first.";
    }

    static String nothingToDo() {
        return PREFIX + "the requester already manages this billing account and can sign in. Nothing to do; told them.";
    }

    static String handoff(Handoff why, String plannerReason) {
        String what = switch (why) {
            case NO_CUSTOMER_RECORD -> "the requester has no Customers Portal account (no customer record with the"
                    + " ticket's requester email). Ask them to create one, then apply the add-contact macro again.";
            case LOGIN_SWITCHED_OFF -> "the login of the requester's customer record was switched off after it was"
                    + " created, which may have been on purpose. A person must decide whether to switch it on again"
                    + " (ask in #support_licensing_subscription).";
            case NO_BILLING_ACCOUNT -> "the subscription or its billing account is not in the portal. Please look"
                    + " into it by hand.";
            case NO_SAFE_ORDER -> "no order of steps would leave the billing account's contacts as they must be ("
                    + plannerReason + "). The change needs a person.";
            case UNCLEAR_ANSWER -> "the requester's answer stayed unclear after asking twice. Please read it; apply the"
                    + " add-contact macro again to ask anew.";
            case NO_REQUESTER_EMAIL -> "the ticket's requester has no email address to look up.";
            case APPROVAL_NOT_POSTED -> "the approval request could not be posted.";
            case RESELLER_REQUESTER -> ResellerNotes.neverAContact(plannerReason);
        };
        return PREFIX + what + " No plan was made.";
    }

    /** For a plan on a reseller purchase: the customer changes seats, renewals and invoices through the reseller. */
    static String resellerPurchase(String reseller) {
        return PREFIX + ResellerNotes.boughtThrough(reseller);
    }

    static String expiredLine() {
        return WORDS.expiredLine();
    }

    private static String days(Duration d) {
        return d.toHours() % 24 == 0 ? d.toDays() + " days" : hours(d);
    }

    private static String hours(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
    }
}
