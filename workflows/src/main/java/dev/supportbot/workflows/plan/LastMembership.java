package dev.supportbot.workflows.plan;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Membership;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The warning a plan carries when it removes a billing account's only membership (docs/handbook.md, Change the
 * subscription management contact: "Removing a membership warns when it is the billing account's last one"), whichever
 * workflow removes it.
 */
final class LastMembership {
    private LastMembership() {}

    /** {@code evidence}, with the warning first when removing {@code leaving} leaves its billing account without members. */
    static List<Evidence> warn(BackendState facts, Optional<Membership> leaving, List<Evidence> evidence) {
        if (leaving.isEmpty()) return evidence;
        long accountId = leaving.get().billingAccountId();
        if (facts.membershipsOfAccount(accountId).stream().anyMatch(m -> m.id() != leaving.get().id())) return evidence;
        String account = facts.account(accountId).map(BillingAccount::zuoraAccountId).orElse(String.valueOf(accountId));
        List<Evidence> all = new ArrayList<>();
        all.add(new Evidence(ChangeContactPlanner.LAST_MEMBERSHIP, "this is the only membership of billing account " + account
                + ": afterwards no portal account manages its subscriptions"));
        all.addAll(evidence);
        return all;
    }
}
