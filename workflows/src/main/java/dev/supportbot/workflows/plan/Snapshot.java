package dev.supportbot.workflows.plan;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Customer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a preview predicts and what is compared with the world: every billing account's Sold To and Bill To, the
 * memberships and the customers. Customers are named by email (unique in the back end) rather than by id, because the
 * back end chooses the ids of the records it creates.
 */
public record Snapshot(List<AccountContacts> accounts, List<Member> memberships, List<CustomerView> customers) {

    public record AccountContacts(long billingAccountId, Contact soldTo, Contact billTo) {}

    public record Member(String customerEmail, long billingAccountId) {}

    public record CustomerView(String email, String firstName, String lastName, boolean loginActivated,
            boolean linkedToGitLab) {}

    public static Snapshot of(BackendState state) {
        Map<Long, String> emails = state.customers().stream()
                .collect(Collectors.toMap(Customer::id, c -> BackendModel.normal(c.email())));
        return new Snapshot(
                state.accounts().stream().map(Snapshot::contacts).toList(),
                state.memberships().stream()
                        .map(m -> new Member(emails.getOrDefault(m.customerId(), "customer " + m.customerId()),
                                m.billingAccountId()))
                        .sorted(Comparator.comparing(Member::customerEmail).thenComparingLong(Member::billingAccountId))
                        .toList(),
                state.customers().stream()
                        .map(c -> new CustomerView(BackendModel.normal(c.email()), c.firstName(), c.lastName(),
                                c.loginActivated(), c.uid() != null))
                        .sorted(Comparator.comparing(CustomerView::email))
                        .toList());
    }

    public AccountContacts account(long billingAccountId) {
        return accounts.stream().filter(a -> a.billingAccountId() == billingAccountId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("billing account " + billingAccountId + " is not in the snapshot"));
    }

    /** The member emails of one billing account, sorted. */
    public List<String> membersOf(long billingAccountId) {
        return memberships.stream().filter(m -> m.billingAccountId() == billingAccountId).map(Member::customerEmail)
                .sorted().toList();
    }

    public Map<String, Long> membershipCounts() {
        return memberships.stream().collect(Collectors.groupingBy(Member::customerEmail, Collectors.counting()));
    }

    public List<String> customerEmails() {
        return customers.stream().map(CustomerView::email).toList();
    }

    static Contact normal(Contact c) {
        return c == null ? null : new Contact(c.firstName(), c.lastName(), BackendModel.normal(c.email()), c.address());
    }

    private static AccountContacts contacts(BillingAccount a) {
        return new AccountContacts(a.id(), normal(a.soldTo()), normal(a.billTo()));
    }
}
