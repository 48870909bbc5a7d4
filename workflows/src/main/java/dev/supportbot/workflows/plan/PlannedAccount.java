package dev.supportbot.workflows.plan;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.plan.Planning.Why;

/**
 * The billing account a plan changes for a requester, or why there is no plan: the account is not in the facts, or the
 * requester writes from its reseller's domain ({@link Resellers#refuseRequester}). The planners that make a requester
 * a member or the Sold To start here (removing a membership, or fixing a typo for an account manager, does not).
 *
 * @param refusal null when {@code account} may be planned on
 */
record PlannedAccount(BillingAccount account, Planning refusal) {

    static PlannedAccount of(BackendState facts, long billingAccountId, String requesterEmail) {
        return facts.account(billingAccountId)
                .map(account -> new PlannedAccount(account, Resellers.refuseRequester(account, requesterEmail).orElse(null)))
                .orElseGet(() -> new PlannedAccount(null,
                        Planning.notPlanned(Why.NEEDS_HUMAN, "billing account " + billingAccountId + " is not in the facts")));
    }
}
