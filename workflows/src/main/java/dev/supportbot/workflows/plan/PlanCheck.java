package dev.supportbot.workflows.plan;

import dev.supportbot.workflows.domain.Contact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Refuses a plan whose preview does not reach its {@link Goal}: a step the back end would refuse (a second membership
 * among them), a wrong Sold To or Bill To, wrong members, a contact of another account rewritten, or a customer
 * created. A refused plan is never proposed.
 */
public final class PlanCheck {
    private PlanCheck() {}

    /** The problems of the plan's prediction; empty when it may be proposed. */
    public static List<String> problems(Plan plan, Preview preview) {
        List<String> problems = new ArrayList<>();
        for (Preview.Step step : preview.steps()) {
            if (step.refusal() != null) {
                problems.add("step " + step.number() + " (" + step.description() + ") would be refused: " + step.refusal());
            }
        }
        Goal goal = plan.goal();
        Snapshot before = preview.before();
        Snapshot end = preview.end();
        if (plan.facts().account(goal.billingAccountId()).isEmpty()) {
            problems.add("the goal's billing account " + goal.billingAccountId() + " is not in the facts");
            return problems;
        }
        Snapshot.AccountContacts target = end.account(goal.billingAccountId());
        if (!same(target.soldTo(), goal.soldTo())) {
            problems.add("the Sold To would end as " + text(target.soldTo()) + " instead of " + text(goal.soldTo()));
        }
        if (!same(target.billTo(), goal.billTo())) {
            problems.add("the Bill To would end as " + text(target.billTo()) + " instead of " + text(goal.billTo()));
        }
        if (!end.membersOf(goal.billingAccountId()).equals(goal.memberEmails())) {
            problems.add("the members would be " + end.membersOf(goal.billingAccountId()) + " instead of " + goal.memberEmails());
        }
        for (Snapshot.AccountContacts other : end.accounts()) {
            if (other.billingAccountId() != goal.billingAccountId() && !other.equals(before.account(other.billingAccountId()))) {
                problems.add("the contacts of billing account " + other.billingAccountId() + " would change");
            }
        }
        for (Map.Entry<String, Long> count : end.membershipCounts().entrySet()) {
            if (count.getValue() > 1) problems.add(count.getKey() + " would have " + count.getValue() + " memberships");
        }
        // Counted, not compared by email: a customer whose email a step changes is the same record, not a new one.
        if (end.customers().size() > before.customers().size()) {
            List<String> unknown = end.customerEmails().stream().filter(e -> !before.customerEmails().contains(e)).toList();
            problems.add("a customer would be created (new emails: " + unknown + ")");
        }
        return problems;
    }

    private static boolean same(Contact a, Contact b) {
        return Objects.equals(a, b);
    }

    private static String text(Contact c) {
        return c == null ? "none" : c.fullName() + " <" + c.email() + ">";
    }
}
