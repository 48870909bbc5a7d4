package dev.supportbot.workflows.addcontact;

import dev.supportbot.workflows.approved.PlanRuns;
import dev.supportbot.workflows.addcontact.AddContactState.Handoff;
import dev.supportbot.workflows.addcontact.AddContactState.Verification;
import dev.supportbot.workflows.engine.Dates;
import dev.supportbot.workflows.engine.People;
import dev.supportbot.workflows.ownership.ProofKind;
import dev.supportbot.workflows.plan.Evidence;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.Resellers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Texts for agents: private notes on the ticket (people as {@link People#inNote}) and the lines of the approval
 * message in Slack (people as {@link People#inSlack}). No secrets in any.
 */
final class InternalNotes {
    private static final String PREFIX = "Add contact: ";

    private InternalNotes() {}

    static String planning(Verification v) {
        return PREFIX + "ownership of " + v.subscriptionName() + " is verified with " + ProofKind.words(v.proof())
                + ". Reading the billing account to plan the change.";
    }

    static String waitingForOwnership(boolean started) {
        return PREFIX + (started ? "ownership is not verified on this ticket yet, so an ownership verification was started."
                : "waiting for the ownership verification that runs on this ticket.")
                + " The contact is planned once it verifies the requester.";
    }

    static String notVerified(String result) {
        return PREFIX + "stopped, the ownership verification ended as \"" + result + "\". No change was planned.";
    }

    static String planWaiting(Plan plan, Instant expiresAt) {
        return PREFIX + "a plan waits for approval in Slack (until " + Dates.utcMinute(expiresAt) + "). Evidence: " + evidence(plan.evidence())
                + ". Steps:\n" + String.join("\n", PlanRuns.planned(plan));
    }

    static String approvalNotPosted(String reason) {
        return PREFIX + "could not ask for approval in Slack (" + reason + "). No change was made; once Slack works, "
                + "apply the add-contact macro again.";
    }

    static String askedRequester(Duration expiry) {
        return PREFIX + "the requester already manages another billing account (a customer can be a member of only one)."
                + " Asked them whether to stop managing it; reminders follow, and the request closes as expired after "
                + days(expiry) + " without an answer.";
    }

    static String requesterAgreed() {
        return PREFIX + "the requester agreed to stop managing their other billing account. Planning again, with that"
                + " membership removed first.";
    }

    static String requesterDeclined() {
        return PREFIX + "the requester prefers to keep managing their current subscriptions. Nothing was changed.";
    }

    static String answerExpired() {
        return PREFIX + "closed as expired, the requester did not answer whether to stop managing their other billing"
                + " account. Nothing was changed.";
    }

    static String nothingToDo() {
        return PREFIX + "the requester already manages this billing account and can sign in. Nothing to do; told them.";
    }

    static String handoff(Handoff why, String plannerReason) {
        String what = switch (why) {
            case NO_CUSTOMER_RECORD -> "the requester has no Customers Portal account (no customer record with the"
                    + " ticket's requester email). Ask them to create one, then apply the add-contact macro again.";
            case LOGIN_SWITCHED_OFF -> "the login of the requester's customer record was switched off after it was"
                    + " created, which may have been on purpose. A person must decide whether to switch it on again"
                    + " (ask in #support_licensing_subscription).";
            case NO_BILLING_ACCOUNT -> "the subscription or its billing account is not in the portal. Please look"
                    + " into it by hand.";
            case NO_SAFE_ORDER -> "no order of steps would leave the billing account's contacts as they must be ("
                    + plannerReason + "). The change needs a person.";
            case UNCLEAR_ANSWER -> "the requester's answer stayed unclear after asking twice. Please read it; apply the"
                    + " add-contact macro again to ask anew.";
            case NO_REQUESTER_EMAIL -> "the ticket's requester has no email address to look up.";
            case APPROVAL_NOT_POSTED -> "the approval request could not be posted.";
            case RESELLER_REQUESTER -> Resellers.neverAContact(plannerReason);
        };
        return PREFIX + what + " No plan was made.";
    }

    /** For a plan on a reseller purchase: the customer changes seats, renewals and invoices through the reseller. */
    static String resellerPurchase(String reseller) {
        return PREFIX + Resellers.boughtThrough(reseller);
    }

    static String rejected(String by, String reason) {
        return PREFIX + "the plan was rejected by " + People.inNote(by) + (reason == null || reason.isBlank() ? "" : ": " + reason)
                + ". Nothing was changed.";
    }

    static String rejectedLine(String by, String reason) {
        return "Rejected by " + People.inSlack(by) + (reason == null || reason.isBlank() ? "" : ": " + reason);
    }

    static String approvalExpired(Duration ttl) {
        return PREFIX + "the plan was not approved within " + hours(ttl) + " and has expired. Nothing was changed;"
                + " apply the add-contact macro again to plan anew.";
    }

    static String expiredLine() {
        return "Expired: not approved in time. Nothing was changed.";
    }

    static String failed(int step, int steps, String reason, List<String> lines) {
        return PREFIX + "failed at step " + step + " of " + steps + ": " + reason + ". " + notRun(step, steps)
                + " An approver can retry from step " + step + " in Slack.\n" + String.join("\n", lines);
    }

    static String failedLine(int step, int steps, String reason) {
        return "Failed at step " + step + ": " + reason + ". " + notRun(step, steps);
    }

    static String retrying(int step, String approver) {
        return PREFIX + People.inNote(approver) + " asked to retry the plan from step " + step + ".";
    }

    static String done(Verification v, List<String> approvers, List<String> lines) {
        return PREFIX + "done for " + v.subscriptionName() + ". The plan approved by "
                + approvers.stream().map(People::inNote).collect(Collectors.joining(", "))
                + " ran:\n" + String.join("\n", lines);
    }

    static String cancelled(String agent, Integer runningStep) {
        return PREFIX + "cancelled by " + People.inNote(agent) + "."
                + (runningStep == null ? "" : " Step " + runningStep + " was already handed to the portal and may"
                        + " still complete; no later step runs.");
    }

    private static String notRun(int step, int steps) {
        return step == steps ? "Step " + step + " did not complete." : "Steps " + step + " to " + steps + " did not run.";
    }

    private static String evidence(List<Evidence> evidence) {
        return evidence.stream().map(e -> e.kind() + " (" + e.summary() + ")").collect(Collectors.joining("; "));
    }

    private static String days(Duration d) {
        return d.toHours() % 24 == 0 ? d.toDays() + " days" : hours(d);
    }

    private static String hours(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
    }
}
