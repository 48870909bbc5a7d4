package dev.supportbot.workflows.approved;

import dev.supportbot.workflows.engine.Dates;
import dev.supportbot.workflows.engine.People;
import dev.supportbot.workflows.plan.Evidence;
import dev.supportbot.workflows.plan.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the approval gate writes, in one voice for every workflow: private notes on the ticket (people as
 * {@link People#inNote}) and lines of the approval message in Slack (people as {@link People#inSlack}).
 *
 * @param prefix the workflow's name at the start of each note, e.g. {@code "Add contact: "}
 * @param again how to start the workflow anew, a sentence with a leading space
 */
public record GateWords(String prefix, String again) {

    public String planWaiting(Plan plan, int approvers, Instant expiresAt) {
        return prefix + "a plan waits for " + (approvers == 1 ? "approval" : approvers + " approvers") + " in Slack (until "
                + Dates.utcMinute(expiresAt) + "): " + plan.purpose() + ". Evidence: " + evidence(plan.evidence())
                + ". Steps:\n" + String.join("\n", PlanRuns.planned(plan));
    }

    public String notPosted(String reason) {
        return prefix + "could not ask for approval in Slack (" + reason + "). Nothing was changed." + again;
    }

    public String rejected(String by, String reason) {
        return prefix + "the plan was rejected by " + People.inNote(by) + because(reason) + ". Nothing was changed.";
    }

    public String rejectedLine(String by, String reason) {
        return "Rejected by " + People.inSlack(by) + because(reason);
    }

    public String approvalExpired(Duration ttl) {
        return prefix + "the plan was not approved within " + hours(ttl) + " and has expired, so nothing was changed." + again;
    }

    public String expiredLine() {
        return "Expired: not approved in time. Nothing was changed.";
    }

    public String failed(int step, int steps, String reason, List<String> lines) {
        return prefix + "failed at step " + step + " of " + steps + ": " + reason + ". " + notRun(step, steps)
                + " An approver can retry from step " + step + " in Slack.\n" + String.join("\n", lines);
    }

    public String failedLine(int step, int steps, String reason) {
        return "Failed at step " + step + ": " + reason + ". " + notRun(step, steps);
    }

    public String retrying(int step, String approver) {
        return prefix + People.inNote(approver) + " asked to retry the plan from step " + step + ".";
    }

    /** The note on the ticket when the workflow is done: what ran, approved by whom. */
    public String done(String subscription, List<String> approvers, List<String> lines) {
        return prefix + "done for " + subscription + ". The plan approved by "
                + approvers.stream().map(People::inNote).collect(Collectors.joining(", ")) + " ran:\n" + String.join("\n", lines);
    }

    /** Every step ran but the billing account differs from the preview: nothing was said to the customer. */
    public String unconfirmed(String team, List<String> differences, List<String> lines) {
        return prefix + "every step ran, but the billing account does not show what the plan predicted: "
                + String.join("; ", differences) + ". The customer was not told the change is done. Handed to the " + team
                + " team to put the billing account right.\n" + String.join("\n", lines);
    }

    public String unconfirmedLine(String team) {
        return "Not confirmed: the billing account differs from the plan. Handed to the " + team + " team.";
    }

    /** The post for the Billing team in Slack. */
    public String billingPost(String team, List<String> differences) {
        return team + " team: " + prefix + "an approved plan ran, but the billing account does not show what it predicted: "
                + String.join("; ", differences) + ". Please put the billing account right and answer the customer.";
    }

    /** The post for the Billing team after a change that kept a Bill To which shared the Sold To's email. */
    public String separateBillTo(String team) {
        return team + " team: " + prefix + "the Sold To was changed; the Bill To, which shared the previous Sold To's email,"
                + " was kept as it was. Please check with the customer who the Bill To should be and separate the two.";
    }

    public String cancelled(String agent, Integer runningStep) {
        return prefix + "cancelled by " + People.inNote(agent) + "."
                + (runningStep == null ? "" : " Step " + runningStep + " was already handed to the portal and may"
                        + " still complete; no later step runs.");
    }

    public String cancelledLine(String agent) {
        return "Cancelled by " + People.inSlack(agent) + ".";
    }

    private static String because(String reason) {
        return reason == null || reason.isBlank() ? "" : ": " + reason;
    }

    private static String notRun(int step, int steps) {
        return step == steps ? "Step " + step + " did not complete." : "Steps " + step + " to " + steps + " did not run.";
    }

    private static String evidence(List<Evidence> evidence) {
        return evidence.stream().map(e -> e.kind() + " (" + e.summary() + ")").collect(Collectors.joining("; "));
    }

    private static String hours(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
    }
}
