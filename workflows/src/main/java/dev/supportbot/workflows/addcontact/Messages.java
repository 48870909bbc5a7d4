package dev.supportbot.workflows.addcontact;

import dev.supportbot.workflows.replies.OtherAccountQuestion;

/**
 * Every text the requester reads. Polite and plain; never an email address, never the other billing account's
 * contacts, never an internal detail.
 */
final class Messages {
    private static final String PORTAL = "the Customers Portal (https://customers.gitlab.com)";

    static final OtherAccountQuestion OTHER_ACCOUNT = new OtherAccountQuestion("manage", InternalNotes.PREFIX);

    private Messages() {}

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
