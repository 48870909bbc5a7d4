package dev.supportbot.workflows.portalaccess;

import dev.supportbot.workflows.plan.PortalAccessPlanner.Help;

/**
 * What the requester reads (docs/handbook.md, "Portal access help"): polite, plain, and never an address, since
 * everything goes to the one they wrote from.
 */
final class Messages {
    private static final String SIGN_IN = "https://customers.gitlab.com/customers/sign_in";

    private Messages() {}

    static String sent(Help help) {
        if (help == Help.CONFIRMATION) {
            return "Hello,\n\nWe have sent the email confirmation instructions again to your Customers Portal account's"
                    + " email address, the one you wrote to us from. Please follow them to confirm your address and keep"
                    + " your access to the Customers Portal.";
        }
        return "Hello,\n\nWe have sent a one-time sign-in link to your Customers Portal account's email address, the one"
                + " you wrote to us from. Select Sign in in that email: the link works once and expires 24 hours after it"
                + " was sent.";
    }

    static String signInWithGitLab(Help help) {
        return "Hello,\n\nYour Customers Portal account is linked to a GitLab.com account, so please sign in with it: go to "
                + SIGN_IN + " and select Continue with your GitLab.com account."
                + (help == Help.CONFIRMATION ? " When you sign in through GitLab.com, you do not need to confirm your email address." : "");
    }

    static String selfService(Help help) {
        if (help == Help.CONFIRMATION) {
            return "Hello,\n\nYou can have the email confirmation instructions sent again at"
                    + " https://customers.gitlab.com/customers/confirmation/new: enter the email address you wrote to us"
                    + " from, then follow the instructions in the email you receive.";
        }
        return "Hello,\n\nYou can sign in with a one-time sign-in link:\n1. Go to " + SIGN_IN + "?legacy=true.\n2. Select"
                + " Sign in with your email.\n3. Enter the email address you wrote to us from. You will receive an email"
                + " with a one-time sign-in link.\n4. Select Sign in in that email. The link works once and expires 24 hours"
                + " after it was sent.";
    }
}
