package dev.supportbot.workflows.addcontact;

import dev.supportbot.workflows.engine.Dates;
import dev.supportbot.workflows.replies.OtherAccountQuestion;
import java.time.LocalDate;

/**
 * Every text the requester reads. Polite and plain; never an email address, never the other billing account's
 * contacts, never an internal detail.
 */
final class Messages {
    private static final String PORTAL = "the Customers Portal (https://customers.gitlab.com)";

    static final OtherAccountQuestion OTHER_ACCOUNT = new OtherAccountQuestion("manage", InternalNotes.PREFIX);

    private Messages() {}

    static String askToSignUp(String subscription, String signUpUrl) {
        return "Hello,\n\nThank you for your patience. To manage subscription " + subscription + " you need a Customers"
                + " Portal account, and we could not find one for the email address you write to us from. Please create"
                + " one with that address at " + signUpUrl + " and confirm it from the email you receive. Reply here"
                + " once it is done, and we will go ahead.";
    }

    static String signUpReminder(String subscription, String signUpUrl, LocalDate closesOn) {
        return "Hello,\n\nThis is a friendly reminder that we are waiting for your Customers Portal account before you"
                + " can manage subscription " + subscription + ". Please create it with the email address you write to"
                + " us from at " + signUpUrl + " and reply here. If we do not hear from you, we will close this request"
                + " on " + Dates.utcDay(closesOn) + ".";
    }

    static String noPortalAccountYet(String signUpUrl) {
        return "Hello,\n\nThank you for your reply. We cannot find a Customers Portal account for the email address you"
                + " write to us from yet. Please create it at " + signUpUrl + " with that same address, confirm it from"
                + " the email you receive, and reply here again.";
    }

    static String answerExpired() {
        return "Hello,\n\nAs we did not hear back from you, we have closed this request without changing anything. "
                + "You are welcome to reply or open a new request at any time.";
    }

    static String alreadyManages(String subscription) {
        return "Hello,\n\nGood news: your Customers Portal account already manages subscription " + subscription
                + ", so no change is needed. You can sign in to " + PORTAL + " to see it.";
    }

    static String done(String subscription, boolean leftOtherAccount) {
        return "Hello,\n\nGood news: your Customers Portal account can now manage subscription " + subscription + "."
                + (leftOtherAccount ? " As you agreed, it no longer manages your previous subscriptions." : "")
                + " Please sign in to " + PORTAL + " to see it.";
    }
}
