package dev.supportbot.workflows.plan;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.Emails;
import dev.supportbot.workflows.domain.Membership;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the portal back end holds, as far as a plan is concerned: the customers, billing accounts and memberships it
 * touches. As the facts of a {@link Plan} it is what was read before planning; it must hold every customer whose email
 * the plan mentions (the model takes an email missing here for one no customer has). Records the model creates get
 * negative ids: the back end chooses the real ones.
 */
public record BackendState(List<Customer> customers, List<BillingAccount> accounts, List<Membership> memberships) {

    public BackendState {
        customers = customers.stream().sorted(Comparator.comparingLong(Customer::id)).toList();
        accounts = accounts.stream().sorted(Comparator.comparingLong(BillingAccount::id)).toList();
        memberships = memberships.stream().sorted(Comparator.comparingLong(Membership::id)).toList();
    }

    public Optional<Customer> customer(long id) {
        return customers.stream().filter(c -> c.id() == id).findFirst();
    }

    public Optional<Customer> customerByEmail(String email) {
        return customers.stream().filter(c -> Emails.sameAddress(c.email(), email)).findFirst();
    }

    public Optional<BillingAccount> account(long id) {
        return accounts.stream().filter(a -> a.id() == id).findFirst();
    }

    public Optional<Membership> membership(long id) {
        return memberships.stream().filter(m -> m.id() == id).findFirst();
    }

    public List<Membership> membershipsOfCustomer(long customerId) {
        return memberships.stream().filter(m -> m.customerId() == customerId).toList();
    }

    public List<Membership> membershipsOfAccount(long accountId) {
        return memberships.stream().filter(m -> m.billingAccountId() == accountId).toList();
    }

    /** The customer whose email is the account's Sold To email, if there is one. */
    public Optional<Customer> soldToCustomer(long accountId) {
        return account(accountId).flatMap(a -> customerByEmail(a.soldTo().email()));
    }

    /** Replaces the customer with the same id, or adds it. */
    BackendState withCustomer(Customer changed) {
        List<Customer> next = new ArrayList<>(customers.stream().filter(c -> c.id() != changed.id()).toList());
        next.add(changed);
        return new BackendState(next, accounts, memberships);
    }

    private static long nextNewId(List<Long> ids) {
        return Math.min(0, ids.stream().mapToLong(Long::longValue).min().orElse(0)) - 1;
    }

    BackendState withAccount(BillingAccount changed) {
        List<BillingAccount> next = new ArrayList<>(accounts.stream().filter(a -> a.id() != changed.id()).toList());
        next.add(changed);
        return new BackendState(customers, next, memberships);
    }

    BackendState withMembership(long customerId, long accountId) {
        long id = nextNewId(memberships.stream().map(Membership::id).toList());
        List<Membership> next = new ArrayList<>(memberships);
        next.add(new Membership(id, customerId, accountId));
        return new BackendState(customers, accounts, next);
    }

    BackendState withoutMembership(long membershipId) {
        return new BackendState(customers, accounts, memberships.stream().filter(m -> m.id() != membershipId).toList());
    }

    /** The id the model gives a customer it predicts the back end creates. */
    long nextCustomerId() {
        return nextNewId(customers.stream().map(Customer::id).toList());
    }
}
