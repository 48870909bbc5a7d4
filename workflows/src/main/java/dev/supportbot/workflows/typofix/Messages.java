package dev.supportbot.workflows.typofix;

import dev.supportbot.workflows.engine.Dates;
import dev.supportbot.workflows.typofix.TypoFixState.Target;
import java.time.LocalDate;

/**
 * Every text the account manager (the ticket's requester, a colleague) reads. They asked for the fix, so the texts
 * name the customer's addresses; never a secret.
 */
final class Messages {
    private Messages() {}

    static String askToConfirm(Target target, String proposed, boolean again) {
        String intro = again ? "Hi,\n\nThanks for the correction. " : "Hi,\n\nThe mail to " + target.mistypedEmail()
                + " bounced, so the address looks mistyped indeed. ";
        String ask = proposed == null
                ? "Please reply with the corrected email address, in writing, so that we can fix it."
                : "Before we change anything, please confirm in writing that the corrected address is " + proposed
                        + ": reply \"yes\" (or repeat the address), or reply with the right address.";
        return intro + ask + " Once confirmed, we update the Sold To contact and the Customers Portal account of "
                + target.subscriptionName() + " and resend " + what(target) + " to it.";
    }

    static String reminder(Target target, String proposed, LocalDate closesOn) {
        return "Hi,\n\nA reminder: we still need your written confirmation of the corrected address for "
                + target.mistypedEmail() + (proposed == null ? "" : " (is it " + proposed + "?)")
                + ". Without it we close this request on " + Dates.utcDay(closesOn) + ".";
    }

    static String confirmationExpired() {
        return "Hi,\n\nAs we did not get a confirmation of the corrected address, we closed this request without"
                + " changing anything. Reply or open a new request at any time.";
    }

    /** Steps 5 to 7 as the AM reads them: what was fixed and resent, and their part, the CRM. */
    static String done(Target target, String corrected) {
        return "Hi,\n\nThe typo is fixed: the Sold To contact and the Customers Portal account of "
                + target.subscriptionName() + " now have " + corrected + ", and we resent " + what(target) + " to it."
                + " Please update the contact's email in the CRM (Salesforce) from " + target.mistypedEmail() + " to "
                + corrected + " for your records.";
    }

    private static String what(Target target) {
        return target.cloud() ? "the activation code" : "the license";
    }
}
