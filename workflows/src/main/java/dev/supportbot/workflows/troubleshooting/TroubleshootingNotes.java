package dev.supportbot.workflows.troubleshooting;

import dev.supportbot.workflows.engine.Drafts;
import dev.supportbot.workflows.engine.People;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.engine.Dates;
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
    static final String WRONG_NUMBERS_FIXED_IN = "10.7";

    private TroubleshootingNotes() {}


    /**
     * No known error text: the handbook's first question (active users against the license's seats, "the main issue"),
     * drafted with the seats of the requester's active license beside it.
     */
    static String noKnownError(List<String> where, Optional<License> active, String searchedEmail, Person requester) {
        String what = String.join(", ", where);
        String license = active.map(l -> "The requester's active license: " + describe(l) + ".")
                .orElse("No active license was found for " + (searchedEmail == null ? "the requester (no email)" : searchedEmail)
                        + "; look it up with /lnr licenses <company>.");
        String seats = active.map(l -> " Your current license is for " + l.usersCount() + " users.").orElse("");
        return "supportbot (license troubleshooting) read " + what + " and found no known registration error. It recognises "
                + "\"...had N active users, exceeding this license's limit of M...\" and \"You have applied a True-up for X "
                + "users but you need one for Y users\"; anything else is for you to look at. The handbook's first check is "
                + "the number of active users against the license's seats. " + license + "\n\n"
                + draft(greeting(requester) + "How many active users do you have? You find the number on the admin dashboard "
                + "at http://<your GitLab host>/admin/users, next to the \"Active\" tab." + seats);
    }

    /** The handbook's steps for a GitLab.com subscription bought through sales that the customer cannot apply to a group. */
    static String salesAssistedSaas(List<String> where, Person requester) {
        String what = String.join(", ", where);
        return "supportbot (license troubleshooting): " + what + " reads like a GitLab.com subscription that does not reach "
                + "its group. After a purchase through sales, the customer's Customers Portal account is created with the "
                + "purchase's email address; the handbook's steps link the subscription to the group.\n\n"
                + draft(greeting(requester) + "to apply your GitLab.com subscription to your group:\n"
                + "1. Reset the password of your Customers Portal account (it was created with the email address of your "
                + "purchase) at:\nhttps://customers.gitlab.com/customers/password/new\n"
                + "2. Sign in and open the \"Subscriptions\" menu.\n"
                + "3. Select \"Edit\" on the subscription.\n"
                + "4. You are taken to GitLab.com to sign in.\n"
                + "5. Sign in with the GitLab.com account you want to license.\n"
                + "6. Select the group you want to license, then select \"Update\".\n"
                + "If your group is not in the list, create it on GitLab.com first.");
    }

    static String nothingToRead() {
        return "supportbot (license troubleshooting) started: the ticket has no description or requester comment to read "
                + "yet. It reads each new comment of the requester and notes any registration error it recognises.";
    }

    static String usersOverLimit(String where, UsersOverLimit e, Person requester) {
        String head = "supportbot (license troubleshooting): " + where + " quotes the registration error \"had "
                + e.activeUsers() + " active users, exceeding this license's limit of " + e.licensedUsers() + "\".\n";
        if (e.numbersWrong()) {
            return head + "The numbers in this message do not exceed the limit (" + e.activeUsers() + " active users, limit "
                    + e.licensedUsers() + "): GitLab before " + WRONG_NUMBERS_FIXED_IN + " prints wrong numbers in it. The "
                    + "handbook reads it as usual: the instance has more active users than the license allows. Suggestion: "
                    + "ask the customer for the number of active users and suggest more seats if required; the license is "
                    + "licensed for " + e.licensedUsers() + " users.\n\n"
                    + draft(greeting(requester) + "this message usually means that your GitLab instance has more active "
                    + "users than your license allows (GitLab versions before " + WRONG_NUMBERS_FIXED_IN + " show wrong "
                    + "numbers in it). Could you tell us how many active users you have? You find the number on the admin "
                    + "dashboard at http://<your GitLab host>/admin/users, next to the \"Active\" tab. Your license is for "
                    + e.licensedUsers() + " users; if you have more active users than that, you will need more seats, and "
                    + "we will help you with that.");
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

    static String trueUpMismatch(String where, TrueUpMismatch e, Optional<License> last, String searchedEmail) {
        String head = "supportbot (license troubleshooting): " + where + " quotes the registration error \"You have "
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
                + Dates.day(l.issuedAt()) + ", starts " + Dates.day(l.startsAt()) + ", expires " + Dates.day(l.expiresAt()) + ", sent to " + l.licenseeEmail()
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
        return Drafts.reply(reply);
    }
}
