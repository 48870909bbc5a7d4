package dev.supportbot.workflows.plan;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.HistoryEntry;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.plan.Planning.Why;
import java.util.List;
import java.util.Optional;

/**
 * A customer who is to become a member of a billing account (adding a contact, or changing it to an existing user):
 * the account, the customer, its memberships, or why there is no plan yet.
 *
 * @param refusal null when the other parts are known
 */
record Joining(BillingAccount account, Customer customer, List<Membership> memberships, Planning refusal) {

    /** The account and the customer with {@code email}; {@code noCustomer} says why not when no customer has it. */
    static Joining of(BackendState facts, long billingAccountId, String email, String noCustomer) {
        PlannedAccount planned = PlannedAccount.of(facts, billingAccountId, email);
        if (planned.refusal() != null) return refused(planned.refusal());
        Optional<Customer> customer = facts.customerByEmail(email);
        if (customer.isEmpty()) return refused(Planning.notPlanned(Why.NEEDS_HUMAN, noCustomer));
        return new Joining(planned.account(), customer.get(), facts.membershipsOfCustomer(customer.get().id()), null);
    }

    private static Joining refused(Planning why) {
        return new Joining(null, null, List.of(), why);
    }

    /** Whether the customer is a member of the account already. */
    boolean member() {
        return memberships.stream().anyMatch(m -> m.billingAccountId() == account.id());
    }

    /** The customer's membership of another billing account, which the plan leaves when they agreed to. */
    Optional<Membership> elsewhere() {
        return memberships.stream().filter(m -> m.billingAccountId() != account.id()).findFirst();
    }

    /**
     * Why the customer ({@code who}, e.g. "the requester") may not join yet: they manage another billing account and did
     * not agree to leave it ({@code leaveOther}), or the login of {@code whose} (e.g. "the requester's customer") was
     * switched off after it was created.
     */
    Optional<Planning> notYet(String who, String whose, boolean leaveOther, List<HistoryEntry> history) {
        if (elsewhere().isPresent() && !leaveOther) {
            return Optional.of(Planning.notPlanned(Why.ASK_REQUESTER, who + " manages another billing account; ask whether"
                    + " they want to stop managing its subscriptions"));
        }
        if (!customer.loginActivated() && LoginHistory.switchedOffOnPurpose(history)) {
            return Optional.of(Planning.notPlanned(Why.NEEDS_HUMAN, "login of " + whose + " was switched off after it was"
                    + " created, maybe on purpose: a person must decide"));
        }
        return Optional.empty();
    }
}
