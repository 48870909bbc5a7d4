package dev.supportbot.workflows.changecontact;

import dev.supportbot.workflows.approved.ResellerNotes;
import dev.supportbot.workflows.approved.GateWords;
import dev.supportbot.workflows.changecontact.ChangeContactState.Handoff;
import dev.supportbot.workflows.changecontact.ChangeContactState.Path;
import dev.supportbot.workflows.ownership.OwnershipFirst;
import java.time.Duration;
import java.util.List;

/** Private notes on the ticket and the lines of the approval message. No secrets in any. */
final class Notes {
    static final String PREFIX = "Change contact: ";
    private static final String AGAIN = " To try again, apply the change-contact macro again or run"
            + " /lnr change-contact with this ticket's number in Slack.";

    static final GateWords WORDS = new GateWords(PREFIX, AGAIN);

    static final OwnershipFirst OWNERSHIP = new OwnershipFirst(PREFIX, "The change");

    private Notes() {}

    static String selfServicePosted(long ticketId, Duration expiry) {
        return PREFIX + "posted the self-service instructions (the current Sold To is not CC'd). Waiting for the requester"
                + " to report back; reminders follow, and the request closes as expired after " + expiry.toDays()
                + " days without an answer. If self-service is ruled out, run /lnr cc assist " + ticketId + " in Slack to make the change"
                + " support-assisted.";
    }

    static String switchedToAssisted(String why) {
        return PREFIX + why + ": switching to the support-assisted change (ownership verification first; a customer search"
                + " on the requester's email decides between the existing and the non-existing user process).";
    }

    static String removing(String email) {
        return PREFIX + "an agent asked to remove the billing account membership of " + email + " (ownership verification"
                + " first; the plan needs approval).";
    }

    static String planning(Path path, String subscription) {
        if (path == Path.REMOVE_MEMBERSHIP) {
            return PREFIX + "ownership of " + subscription + " is verified. Reading the billing account to plan the removal.";
        }
        return PREFIX + (path == Path.SELF_SERVICE
                ? "the requester reports the self-service change done. Checking that the Sold To of " + subscription
                        + " matches their portal account."
                : "ownership of " + subscription + " is verified. Searching the portal for the requester's email and"
                        + " reading the billing account to plan the change.");
    }

    static String selfServiceConfirmed(String subscription, String email) {
        return PREFIX + "the Sold To of " + subscription + " is " + email + ", the requester's portal account. Done, nothing"
                + " to change.";
    }

    static String handoff(Handoff why, String detail) {
        String what = switch (why) {
            case NO_REQUESTER_EMAIL -> "the ticket's requester has no email address, so there is no new contact.";
            case NO_SUBSCRIPTION -> "the ticket names no subscription (A-S and 8 digits), so the Sold To cannot be checked."
                    + " Please check it by hand, or name the subscription on the ticket and start the change again.";
            case NO_BILLING_ACCOUNT -> "the subscription or its billing account is not in the portal.";
            case UNCLEAR_ANSWER -> "the requester's answer to whether they want to stop managing their current"
                    + " subscriptions stayed unclear after asking twice. Please read the replies and go on by hand.";
            case NO_FULL_NAME -> "the requester has no portal account and their name on the ticket is not a first and a"
                    + " last name, which the new profile needs. Please correct the requester's name and start again.";
            case NO_PLAN -> "no plan was made" + (detail == null ? "." : ": " + detail + ".") + " The change needs a person.";
            case RESELLER_REQUESTER -> ResellerNotes.neverAContact(detail);
            case APPROVAL_NOT_POSTED -> "could not ask for approval in Slack" + (detail == null ? "." : " (" + detail + ").");
        };
        return PREFIX + what + " Nothing was changed." + (why == Handoff.APPROVAL_NOT_POSTED ? AGAIN : "");
    }

    /** For a plan on a reseller purchase: the customer changes seats, renewals and invoices through the reseller. */
    static String resellerPurchase(String reseller) {
        return PREFIX + ResellerNotes.boughtThrough(reseller);
    }

    static String askedRequester(Duration expiry) {
        return PREFIX + "the requester's portal account manages another billing account (a customer can be a member of"
                + " only one), so they were asked whether to stop managing its subscriptions; the other account's contacts"
                + " were not named. Yes plans again with that membership removed first; no ends the run. Reminders follow,"
                + " and the request closes as expired after " + expiry.toDays() + " days without an answer.";
    }

    static String requesterAgreed() {
        return PREFIX + "the requester agreed to stop managing their other billing account. Planning again with that"
                + " membership removed first.";
    }

    static String nothingToDo(String detail) {
        return PREFIX + "nothing to do: " + detail + ".";
    }

    static String selfServiceExpired() {
        return PREFIX + "closed as expired, the requester did not report back on the self-service change. Nothing was changed.";
    }

    static String done(String subscription, List<String> approvers, List<String> lines) {
        return WORDS.done(subscription, approvers, lines) + "\nThe requester was told on this ticket.";
    }
}
