package dev.supportbot.workflows.plan;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.HistoryEntry;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.plan.Planning.Why;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Add a subscription management contact (docs/handbook.md, "Add a subscription management contact"): the requester's customer becomes a member of the
 * billing account with login activated, and the Sold To, Bill To and other accounts stay as they are.
 *
 * <p>Enabling login saves the customer, and once it is a member that save replaces the Sold To. The handbook's order
 * undoes it by saving the original Sold To's customer last; that fails when the Bill To has the Sold To's email (the
 * save then rewrites the Bill To and leaves the wrong Sold To) or when that customer is not a member. So the planner
 * also offers enabling login before the membership exists, and proposes the first order the preview finds safe.
 */
public final class AddContactPlanner {
    private AddContactPlanner() {}

    /**
     * @param requesterHistory the requester's customer history, oldest first (for the login rule)
     * @param leaveOtherAccount the requester agreed to stop managing the account they are a member of now
     */
    public record Request(long ticketId, List<Evidence> evidence, BackendState facts, long billingAccountId,
            String requesterEmail, List<HistoryEntry> requesterHistory, boolean leaveOtherAccount) {}

    private static final String NO_CUSTOMER = "the requester has no customer record: ask them to create a Customers Portal"
            + " account first";

    public static Planning plan(Request r) {
        BackendState facts = r.facts();
        Joining joining = Joining.of(facts, r.billingAccountId(), r.requesterEmail(), NO_CUSTOMER);
        if (joining.refusal() != null) return joining.refusal();
        BillingAccount account = joining.account();
        Customer customer = joining.customer();
        boolean member = joining.member();
        Optional<Membership> elsewhere = joining.elsewhere();
        if (member && customer.loginActivated()) {
            return Planning.notPlanned(Why.NOTHING_TO_DO, "the requester already manages this billing account");
        }
        Optional<Planning> refused = joining.notYet("the requester", "the requester's customer", r.leaveOtherAccount(),
                r.requesterHistory());
        if (refused.isPresent()) return refused.get();
        boolean enableLogin = !customer.loginActivated();
        PortalChange join = new PortalChange.CreateMembership(customer.id(), account.id());
        PortalChange login = new PortalChange.SetLoginActivated(customer.id(), true);
        Optional<Customer> originalSoldTo = facts.soldToCustomer(account.id());

        List<String> members = new ArrayList<>(facts.membershipsOfAccount(account.id()).stream()
                .map(m -> facts.customer(m.customerId()).map(Customer::email).orElse("customer " + m.customerId())).toList());
        if (!member) members.add(customer.email());
        Plan base = new Plan(r.ticketId(), "add a subscription management contact", LastMembership.warn(facts, elsewhere, r.evidence()),
                facts, List.of(),
                new Goal(account.id(), account.soldTo(), account.billTo(), members));

        Steps handbook = leaving(elsewhere, customer)
                .addIf(!member, join)
                .addIf(enableLogin, login);
        if (enableLogin) originalSoldTo.ifPresent(c -> handbook.add(PortalChange.UpdateCustomer.save(c.id())));
        Steps loginFirst = leaving(elsewhere, customer)
                .addIf(enableLogin, login)
                .addIf(!member, join);
        return Planning.firstSafe(List.of(base.withChanges(handbook.list()), base.withChanges(loginFirst.list())));
    }

    /** Starts the steps with removing the requester's membership of another account, when there is one. */
    private static Steps leaving(Optional<Membership> elsewhere, Customer customer) {
        Steps steps = new Steps();
        elsewhere.ifPresent(m -> steps.add(new PortalChange.DeleteMembership(m.id(), customer.id(), m.billingAccountId())));
        return steps;
    }
}
