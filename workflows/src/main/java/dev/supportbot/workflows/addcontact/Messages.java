package dev.supportbot.workflows.addcontact;

import dev.supportbot.workflows.engine.Dates;
import java.time.LocalDate;

/**
 * Every text the requester reads. Polite and plain; never an email address, never the other billing account's
 * contacts, never an internal detail.
 */
final class Messages {
    private static final String PORTAL = "the Customers Portal (https://customers.gitlab.com)";

    private Messages() {}

    static String askToLeaveOtherAccount(String subscription) {
        return "Hello,\n\nThank you for your patience. Your Customers Portal account already manages the subscriptions "
                + "of another billing account, and an account can manage the subscriptions of only one billing account "
                + "at a time. Would you like to stop managing your current subscriptions so that you can manage "
                + "subscription " + subscription + " instead?\n\nPlease reply \"yes\" to go ahead, or \"no\" to keep "
                + "things as they are.";
    }

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

    static String askAgain(String subscription) {
        return "Hello,\n\nThank you for your reply. We could not tell from it whether you would like to go ahead. Please "
                + "reply with just \"yes\" to stop managing your current subscriptions and manage subscription "
                + subscription + " instead, or \"no\" to keep things as they are.";
    }

    static String reminder(String subscription, LocalDate closesOn) {
        return "Hello,\n\nThis is a friendly reminder that we still need your answer: would you like to stop managing "
                + "your current subscriptions so that you can manage subscription " + subscription + " instead? Please "
                + "reply \"yes\" or \"no\". If we do not hear from you, we will close this request on " + Dates.utcDay(closesOn) + ".";
    }

    static String answerExpired() {
        return "Hello,\n\nAs we did not hear back from you, we have closed this request without changing anything. "
                + "You are welcome to reply or open a new request at any time.";
    }

    static String goingAhead() {
        return "Hello,\n\nThank you for confirming. We will now prepare the change and let you know here once it is "
                + "done.";
    }

    static String declined() {
        return "Hello,\n\nThank you for letting us know. We have not changed anything: you keep managing your current "
                + "subscriptions. If you change your mind, just reply to this ticket.";
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
