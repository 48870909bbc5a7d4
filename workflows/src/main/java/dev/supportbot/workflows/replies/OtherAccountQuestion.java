package dev.supportbot.workflows.replies;

import dev.supportbot.workflows.engine.Dates;
import java.time.LocalDate;

/**
 * The question to a requester whose portal account already manages another billing account (an account can manage
 * the subscriptions of only one): whether to stop managing their current subscriptions so that they can take on the
 * subscription asked about. What the requester reads (polite, plain, naming neither the other billing account nor its
 * contacts) and the notes on their answer, for every workflow that asks it.
 *
 * @param goal what the requester can do with the subscription once they agree, e.g. {@code "manage"}
 * @param prefix the workflow's name at the start of each note, e.g. {@code "Add contact: "}
 */
public record OtherAccountQuestion(String goal, String prefix) {

    public String ask(String subscription) {
        return "Hello,\n\nThank you for your patience. Your Customers Portal account already manages the subscriptions of"
                + " another billing account, and an account can manage the subscriptions of only one billing account at a"
                + " time. Would you like to stop managing your current subscriptions so that you can " + goal
                + " subscription " + subscription + " instead?\n\nPlease reply \"yes\" to go ahead, or \"no\" to keep"
                + " things as they are.";
    }

    public String askAgain(String subscription) {
        return "Hello,\n\nThank you for your reply. We could not tell from it whether you would like to go ahead. Please"
                + " reply with just \"yes\" to stop managing your current subscriptions and " + goal + " subscription "
                + subscription + " instead, or \"no\" to keep things as they are.";
    }

    public String reminder(String subscription, LocalDate closesOn) {
        return "Hello,\n\nThis is a friendly reminder that we still need your answer: would you like to stop managing your"
                + " current subscriptions so that you can " + goal + " subscription " + subscription + " instead? Please"
                + " reply \"yes\" or \"no\". If we do not hear from you, we will close this request on "
                + Dates.utcDay(closesOn) + ".";
    }

    public String goingAhead() {
        return "Hello,\n\nThank you for confirming. We will now prepare the change and let you know here once it is done.";
    }

    public String declined() {
        return "Hello,\n\nThank you for letting us know. We have not changed anything: you keep managing your current"
                + " subscriptions. If you change your mind, just reply to this ticket.";
    }

    public String declinedNote() {
        return prefix + "the requester prefers to keep managing their current subscriptions. Nothing was changed.";
    }

    public String expiredNote() {
        return prefix + "closed as expired, the requester did not answer whether to stop managing their other billing"
                + " account. Nothing was changed.";
    }
}
