package dev.supportbot.workflows.plan;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Customer;
import java.util.List;

/**
 * How the plan's billing account must look once the plan has run: its Sold To, its Bill To (null: none) and the
 * emails of its members. Every other account in the facts must end as it was, and no customer may be created.
 */
public record Goal(long billingAccountId, Contact soldTo, Contact billTo, List<String> memberEmails) {

    /** The account as it is in {@code facts}: for a plan that must change none of its contacts or members. */
    public static Goal unchanged(BackendState facts, BillingAccount account) {
        List<String> members = facts.membershipsOfAccount(account.id()).stream()
                .map(m -> facts.customer(m.customerId()).map(Customer::email).orElse("customer " + m.customerId()))
                .toList();
        return new Goal(account.id(), account.soldTo(), account.billTo(), members);
    }

    public Goal {
        soldTo = Snapshot.normal(soldTo);
        billTo = Snapshot.normal(billTo);
        memberEmails = memberEmails.stream().map(BackendModel::normal).sorted().toList();
    }
}
