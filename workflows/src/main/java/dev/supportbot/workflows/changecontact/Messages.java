package dev.supportbot.workflows.changecontact;

import dev.supportbot.workflows.engine.Dates;
import dev.supportbot.workflows.replies.OtherAccountQuestion;
import java.time.LocalDate;

/**
 * Comments the requester reads. None names the previous contact or their email (the handbook: the current Sold To is
 * never CC'd, their address would leak to the requester), and the requester's own address is never sent to anyone
 * else: this workflow writes to the requester's ticket only.
 */
final class Messages {
    private static final String PORTAL = "https://customers.gitlab.com";
    /** Names neither the other billing account nor its contacts: the requester knows which subscriptions they manage. */
    static final OtherAccountQuestion OTHER_ACCOUNT = new OtherAccountQuestion("become the management contact of", Notes.PREFIX);

    private Messages() {}

    static String selfServiceInstructions(String subscription) {
        return "Hello,\n\nYou can change the subscription management contact"
                + (subscription == null ? "" : " of subscription " + subscription) + " yourself, and that is the quickest way:\n"
                + "1. Request a one-time sign-in link for the current contact's email at " + PORTAL
                + "/customers/sign_in?legacy=true (you need access to that mailbox).\n"
                + "2. Once signed in, claim the account: change the profile owner's name and email to your own.\n"
                + "3. Link your GitLab.com account to the Customers Portal account (or change the linked account).\n\n"
                + "Please reply here once you are done, and we will check that the subscription's contact was updated. If"
                + " the portal answers \"Email has already been taken\", reply with that message and we will make the"
                + " change for you after verifying ownership of the subscription.";
    }

    static String reminder(LocalDate closesOn) {
        return "Hello,\n\nThis is a friendly reminder about changing the subscription management contact: please reply"
                + " once you have followed the steps above, or tell us if something did not work. If we do not hear from"
                + " you, we will close this request on " + Dates.utcDay(closesOn) + ".";
    }

    /** Closed unanswered: the self-service report or the answer to the question did not come in time. */
    static String closedUnanswered() {
        return "Hello,\n\nAs we did not hear back from you, we have closed this request without changing anything. You"
                + " are welcome to reply or open a new request at any time.";
    }

    static String assisting() {
        return "Hello,\n\nThank you. We will make the change for you. First we need to verify that you own the"
                + " subscription; we will then prepare the change and let you know here once it is done.";
    }

    static String selfServiceConfirmed(String subscription) {
        return "Hello,\n\nThank you: your Customers Portal account is now the management contact of subscription "
                + subscription + ". No further change is needed.";
    }

    /** The removed member is not named: it may be someone the requester should not learn the address of. */
    static String membershipRemoved(String subscription) {
        return "Hello,\n\nThe billing account membership you asked us to remove from subscription " + subscription
                + " has been removed.";
    }

    static String done(String subscription, boolean signInLinkSent, boolean leftOtherAccount) {
        return "Hello,\n\nGood news: you are now the subscription management contact of subscription " + subscription + "."
                + (leftOtherAccount ? " As you agreed, your account no longer manages your previous subscriptions." : "")
                + (signInLinkSent ? " We have sent a one-time sign-in link to your email address; please use it to sign in"
                        + " to " + PORTAL + " and link your GitLab.com account."
                        : " Please sign in to " + PORTAL + " to see it.");
    }
}
