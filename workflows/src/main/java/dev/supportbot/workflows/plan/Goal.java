package dev.supportbot.workflows.plan;

import dev.supportbot.workflows.domain.Contact;
import java.util.List;

/**
 * How the plan's billing account must look once the plan has run: its Sold To, its Bill To (null: none) and the
 * emails of its members. Every other account in the facts must end as it was, and no customer may be created.
 */
public record Goal(long billingAccountId, Contact soldTo, Contact billTo, List<String> memberEmails) {

    public Goal {
        soldTo = Snapshot.normal(soldTo);
        billTo = Snapshot.normal(billTo);
        memberEmails = memberEmails.stream().map(BackendModel::normal).sorted().toList();
    }
}
