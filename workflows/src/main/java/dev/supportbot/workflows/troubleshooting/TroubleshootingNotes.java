package dev.supportbot.workflows.troubleshooting;

import dev.supportbot.workflows.engine.People;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.engine.Person;
import dev.supportbot.workflows.troubleshooting.RegistrationError.TrueUpMismatch;
import dev.supportbot.workflows.troubleshooting.RegistrationError.UsersOverLimit;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.TrueUpFix;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The internal notes of license troubleshooting, written for agents. Public replies are only ever drafted inside a
 * note for the agent to send: the bot sends nothing to the customer on its own.
 */
final class TroubleshootingNotes {
    static final String FALSE_ERROR_FIXED_IN = "10.7";

    private TroubleshootingNotes() {}

    static String where(long commentId) {
        return commentId == Diagnosing.DESCRIPTION ? "the ticket's description" : "comment " + commentId;
    }

    static String noKnownError(List<Long> commentIds) {
        String what = commentIds.stream().map(TroubleshootingNotes::where).collect(Collectors.joining(", "));
        return "supportbot (license troubleshooting) read " + what + " and found no known registration error. It recognises "
                + "\"...had N active users, exceeding this license's limit of M...\" and \"You have applied a True-up for X "
                + "users but you need one for Y users\"; anything else is for you to look at.";
    }

    static String nothingToRead() {
        return "supportbot (license troubleshooting) started: the ticket has no description or requester comment to read "
                + "yet. It reads each new comment of the requester and notes any registration error it recognises.";
    }

    static String usersOverLimit(long commentId, UsersOverLimit e, Person requester) {
        String head = "supportbot (license troubleshooting): " + where(commentId) + " quotes the registration error \"had "
                + e.activeUsers() + " active users, exceeding this license's limit of " + e.licensedUsers() + "\".\n";
        if (e.knownFalseError()) {
            return head + "0 active users is the known false error of GitLab versions before " + FALSE_ERROR_FIXED_IN
                    + ": the instance is not over its limit. Suggestion: upgrade GitLab to " + FALSE_ERROR_FIXED_IN
                    + " or later and upload the license again; ask for the number of active users if in doubt.\n\n"
                    + draft(greeting(requester) + "the message you see (0 active users, exceeding the limit of "
                    + e.licensedUsers() + " users) is a known error of GitLab versions before " + FALSE_ERROR_FIXED_IN
                    + ", not a problem with your license. Please upgrade your GitLab instance to " + FALSE_ERROR_FIXED_IN
                    + " or later and upload the license again. If it still fails, please tell us how many active users "
                    + "you have (Admin Area > Users, next to the \"Active\" tab).");
        }
        if (e.missingSeats() <= 0) {
            return head + "The numbers do not exceed the limit (" + e.activeUsers() + " active users, " + e.licensedUsers()
                    + " licensed seats): ask the customer for the current number of active users.\n\n"
                    + draft(greeting(requester) + "could you tell us how many active users your GitLab instance has? You "
                    + "find the number in the Admin Area > Users, next to the \"Active\" tab.");
        }
        return head + "Active users: " + e.activeUsers() + "; licensed seats: " + e.licensedUsers() + ". Suggestion: buy "
                + e.missingSeats() + " more seat" + (e.missingSeats() == 1 ? "" : "s") + " (a license for at least "
                + e.activeUsers() + " users).\n\n"
                + draft(greeting(requester) + "your GitLab instance had " + e.activeUsers() + " active users during the year "
                + "before the license started, and the license is for " + e.licensedUsers() + " users, so GitLab refuses it. "
                + "To register it you need a license for at least " + e.activeUsers() + " users: adding " + e.missingSeats()
                + " seat" + (e.missingSeats() == 1 ? "" : "s") + " to your subscription does it. Reply to this ticket and "
                + "we will help you with the purchase; if you have fewer active users now, you can also block or remove "
                + "users who no longer need access.");
    }

    static String trueUpMismatch(long commentId, TrueUpMismatch e, Optional<License> last, String searchedEmail) {
        String head = "supportbot (license troubleshooting): " + where(commentId) + " quotes the registration error \"You have "
                + "applied a True-up for " + e.appliedFor() + " users but you need one for " + e.neededFor() + " users\".\n"
                + "True-up in the license: " + e.appliedFor() + "; true-up needed: " + e.neededFor() + ".\n";
        if (last.isEmpty()) {
            return head + "No paid license was found for " + (searchedEmail == null ? "the requester (no email)" : searchedEmail)
                    + " or its company: look it up with /lnr licenses <company> and duplicate it by hand if the true-up "
                    + "was bought.";
        }
        return head + "The customer's last license: " + describe(last.get()) + ".";
    }

    static String describe(License l) {
        return "#" + l.id() + " " + l.plan() + ", " + l.usersCount() + " users, true-up " + l.trueUpCount() + ", issued "
                + l.issuedAt() + ", starts " + l.startsAt() + ", expires " + l.expiresAt() + ", sent to " + l.licenseeEmail()
                + (l.subscriptionName() == null ? "" : ", subscription " + l.subscriptionName());
    }

    static String alreadyRight(License l, int neededFor) {
        return "License #" + l.id() + " already has a true-up count of " + neededFor + ": the customer may have uploaded an "
                + "older license. No change is planned; resend license #" + l.id() + " if that is the case.";
    }

    static String planning(TrueUpFix fix) {
        return "The bot is preparing a plan to duplicate license #" + fix.licenseId() + " with a true-up count of "
                + fix.neededFor() + "; approvers decide on it in Slack. Check first that the customer bought that true-up.";
    }

    static String fixUnderWay(TrueUpFix fix) {
        return "A fix is already under way on this ticket (duplicate license #" + fix.licenseId() + " with a true-up count of "
                + fix.neededFor() + "); no second one is planned.";
    }

    static String approvalRequested(TrueUpFix fix) {
        return "supportbot asked the approvers in Slack to approve: duplicate license #" + fix.licenseId()
                + " with a true-up count of " + fix.neededFor() + ".";
    }

    static String cannotPlan(TrueUpFix fix, String why) {
        return "supportbot could not plan the duplicate of license #" + fix.licenseId() + " with a true-up count of "
                + fix.neededFor() + ": " + why + ". Duplicate it by hand in LicenseDot if the true-up was bought.";
    }

    static String done(TrueUpFix fix, List<String> approvers, boolean alreadyDone) {
        return "Done: license #" + fix.licenseId() + " was duplicated with a true-up count of " + fix.neededFor()
                + (alreadyDone ? " (the copy already existed from an earlier attempt)" : "")
                + (approvers.isEmpty() ? "" : ", approved by " + approvers.stream().map(People::inNote).collect(java.util.stream.Collectors.joining(", "))) + ". The copy is not mailed: "
                + "resend it to " + fix.licenseeEmail() + " (/lnr licenses " + fix.licenseeEmail() + " shows it).\n\n"
                + draft("Hello, we have issued a new license with the true-up count corrected to " + fix.neededFor()
                + " users. You will receive it by email shortly; please upload it in the Admin Area > Subscription.");
    }

    static String stopped(String by) {
        return "supportbot stopped license troubleshooting on this ticket" + (by == null ? "" : " (" + by + ")") + ".";
    }

    private static String greeting(Person requester) {
        String name = requester == null || requester.name() == null || requester.name().isBlank() ? null
                : requester.name().trim().split("\\s+")[0];
        return (name == null ? "Hello" : "Hello " + name) + ", ";
    }

    private static String draft(String reply) {
        return "Draft public reply (not sent; edit and send it yourself if it fits):\n> "
                + reply.replace("\n", "\n> ");
    }
}
