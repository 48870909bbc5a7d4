package dev.supportbot.bot.sandbox;

import dev.supportbot.bot.portal.ContactUpdate;
import dev.supportbot.bot.portal.NewMembership;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.ContactRole;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.HistoryEntry.Change;
import dev.supportbot.workflows.domain.Membership;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Changes to billing account contacts (with the real back end's side effect) and memberships. */
final class SandboxBilling {
    static final String MEMBERSHIP_FIELD = "billing_account_membership";

    private final CustomerStore customers;
    private final BillingStore billing;
    private final Clock clock;

    SandboxBilling(CustomerStore customers, BillingStore billing, Clock clock) {
        this.customers = customers;
        this.billing = billing;
        this.clock = clock;
    }

    BillingAccount find(Handle h, long id) {
        return billing.account(h, id).orElseThrow(() -> SandboxProblem.notFound("billing account " + id + " does not exist"));
    }

    /**
     * Sets the Sold To, the Bill To or both. The real back end's side effect: when no customer has the contact's
     * email, a customer is created for it.
     */
    BillingAccount updateContact(Handle h, long accountId, ContactUpdate update) {
        BillingAccount account = find(h, accountId);
        if (update.role() == null || update.contact() == null) throw SandboxProblem.rejected("role and contact are required");
        Contact given = update.contact();
        Contact contact = new Contact(SandboxInput.text(given.firstName(), "contact.first_name"),
                SandboxInput.text(given.lastName(), "contact.last_name"), SandboxInput.email(given.email(), "contact.email"),
                given.address());
        if (customers.findByEmail(h, contact.email()).isEmpty()) {
            Customer created = customers.insert(h, new Customer(0, contact.firstName(), contact.lastName(), contact.email(),
                    account.company(), false, null));
            customers.record(h, created.id(), "create", creation(created), clock.instant());
        }
        ContactRole role = update.role();
        billing.setContacts(h, accountId, role.includesSoldTo() ? contact : account.soldTo(),
                role.includesBillTo() ? contact : account.billTo());
        return find(h, accountId);
    }

    /** Links a customer to a billing account; a customer has at most one membership. Contacts do not change. */
    Membership createMembership(Handle h, NewMembership request) {
        Customer customer = customers.find(h, request.customerId())
                .orElseThrow(() -> SandboxProblem.notFound("customer " + request.customerId() + " does not exist"));
        BillingAccount account = find(h, request.billingAccountId());
        if (!billing.membershipsOfCustomer(h, customer.id()).isEmpty()) {
            throw SandboxProblem.conflict("customer " + customer.id() + " already has a billing account membership");
        }
        Membership membership = billing.insertMembership(h, customer.id(), account.id());
        customers.record(h, customer.id(), "update", Map.of(MEMBERSHIP_FIELD, new Change(null, account.zuoraAccountId())),
                clock.instant());
        return membership;
    }

    void deleteMembership(Handle h, long membershipId) {
        Membership membership = billing.membership(h, membershipId)
                .orElseThrow(() -> SandboxProblem.notFound("membership " + membershipId + " does not exist"));
        billing.deleteMembership(h, membershipId);
        customers.record(h, membership.customerId(), "update",
                Map.of(MEMBERSHIP_FIELD, new Change(find(h, membership.billingAccountId()).zuoraAccountId(), null)),
                clock.instant());
    }

    /** The changes of a {@code create} history entry: the customer's first values. */
    static Map<String, Change> creation(Customer c) {
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("first_name", new Change(null, c.firstName()));
        changes.put("last_name", new Change(null, c.lastName()));
        changes.put("email", new Change(null, c.email()));
        changes.put("login_activated", new Change(null, String.valueOf(c.loginActivated())));
        return changes;
    }
}
