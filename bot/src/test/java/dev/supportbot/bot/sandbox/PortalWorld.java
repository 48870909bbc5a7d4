package dev.supportbot.bot.sandbox;

import dev.supportbot.bot.portal.PortalClient;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.plan.BackendState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads what the portal holds through the bot's client, as a {@link BackendState}: the given billing accounts, the
 * customers with the given emails or the accounts' contact emails, the accounts' members, and those customers'
 * memberships. Used both for a plan's facts and for what the world shows after each step, so the two compare.
 */
final class PortalWorld {
    private final PortalClient portal;

    PortalWorld(PortalClient portal) {
        this.portal = portal;
    }

    BackendState read(Collection<Long> accountIds, Collection<String> emails) {
        List<BillingAccount> accounts = accountIds.stream().distinct().map(portal::billingAccount).toList();
        Set<String> wanted = new LinkedHashSet<>();
        emails.forEach(e -> wanted.add(e.toLowerCase(Locale.ROOT)));
        for (BillingAccount a : accounts) {
            for (Contact c : new Contact[] {a.soldTo(), a.billTo()}) {
                if (c != null) wanted.add(c.email().toLowerCase(Locale.ROOT));
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
