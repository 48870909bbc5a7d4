package dev.supportbot.bot.portal;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.plan.BackendState;
import dev.supportbot.workflows.plan.PlanScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the part of the portal a plan relies on, as a {@link BackendState}: the given billing accounts, the customers
 * with the given emails or the accounts' contact emails, the accounts' members, and those customers' memberships.
 * The same reading gives a plan's facts and what the world shows before and after each step, so the two compare.
 * Reading the scope of what it returned gives the same state again. Throws the client's {@link PortalException}s
 * ({@link PortalException.NotFound} when an account of the scope no longer exists).
 */
public final class PlanWorld {
    private final PortalClient portal;

    public PlanWorld(PortalClient portal) {
        this.portal = portal;
    }

    public BackendState read(PlanScope scope) {
        return read(scope.billingAccountIds(), scope.customerEmails());
    }

    public BackendState read(Collection<Long> accountIds, Collection<String> emails) {
        List<BillingAccount> accounts = accountIds.stream().distinct().map(portal::billingAccount).toList();
        Set<String> wanted = new LinkedHashSet<>();
        // A blank email would be a search without a filter: every customer.
        emails.stream().filter(e -> e != null && !e.isBlank()).forEach(e -> wanted.add(e.trim().toLowerCase(Locale.ROOT)));
        for (BillingAccount a : accounts) {
            for (Contact c : new Contact[] {a.soldTo(), a.billTo()}) {
                if (c != null && c.email() != null && !c.email().isBlank()) wanted.add(c.email().trim().toLowerCase(Locale.ROOT));
            }
        }
        Map<Long, Customer> customers = new LinkedHashMap<>();
        for (String email : wanted) portal.findCustomerByEmail(email).ifPresent(c -> customers.put(c.id(), c));
        Map<Long, Membership> memberships = new LinkedHashMap<>();
        for (BillingAccount a : accounts) portal.membershipsOfBillingAccount(a.id()).forEach(m -> memberships.put(m.id(), m));
        for (Membership m : new ArrayList<>(memberships.values())) customers.computeIfAbsent(m.customerId(), portal::customer);
        for (Customer c : customers.values()) portal.membershipsOfCustomer(c.id()).forEach(m -> memberships.put(m.id(), m));
        return new BackendState(List.copyOf(customers.values()), accounts, List.copyOf(memberships.values()));
    }
}
