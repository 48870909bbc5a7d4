package dev.supportbot.workflows.plan;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Customer;
import java.util.List;
import java.util.TreeSet;

/**
 * The part of the back end a plan relies on: the billing accounts and the customers (by email) of its facts and of
 * its preview. Before each step the bot reads exactly this part again, takes its {@link Snapshot} and compares it with
 * the preview's, so a change made by someone else since the preview stops the plan.
 */
public record PlanScope(List<Long> billingAccountIds, List<String> customerEmails) {

    public PlanScope {
        billingAccountIds = List.copyOf(new TreeSet<>(billingAccountIds));
        customerEmails = List.copyOf(new TreeSet<>(customerEmails.stream().map(BackendModel::normal).toList()));
    }

    public static PlanScope of(Plan plan, Preview preview) {
        TreeSet<Long> accounts = new TreeSet<>(plan.facts().accounts().stream().map(BillingAccount::id).toList());
        TreeSet<String> emails = new TreeSet<>(plan.facts().customers().stream().map(Customer::email).map(BackendModel::normal).toList());
        for (Preview.Step step : preview.steps()) emails.addAll(step.after().customerEmails());
        return new PlanScope(List.copyOf(accounts), List.copyOf(emails));
    }
}
