package dev.supportbot.workflows.plan;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.ContactRole;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.Emails;
import dev.supportbot.workflows.domain.HistoryEntry;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.plan.Planning.Why;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Change the subscription management contact, support-assisted (docs/handbook.md, "Change the subscription management contact"). The new contact takes over the
 * Sold To; a Bill To that shared the previous Sold To's email stays, and the Billing team separates the two.
 */
public final class ChangeContactPlanner {
    private ChangeContactPlanner() {}

    /** The new contact already has a customer record ("Email has already been taken"). */
    public record ExistingUser(long ticketId, List<Evidence> evidence, BackendState facts, long billingAccountId,
            String newContactEmail, List<HistoryEntry> newContactHistory, boolean leaveOtherAccount) {}

    /** The new contact has no customer record: the previous Sold To's customer is renamed to them. */
    public record NewUser(long ticketId, List<Evidence> evidence, BackendState facts, long billingAccountId,
            String firstName, String lastName, String email) {}

    private static final String NO_CUSTOMER = "the new contact has no customer record: use the non-existing user path";

    /**
     * Add the membership (login enabled first, before it exists, so the save rewrites no contact), remove the previous
     * Sold To's membership, then set the contact: its email has a customer, so no customer is created.
     */
    public static Planning existingUser(ExistingUser r) {
        Joining joining = Joining.of(r.facts(), r.billingAccountId(), r.newContactEmail(), NO_CUSTOMER);
        if (joining.refusal() != null) return joining.refusal();
        BillingAccount account = joining.account();
        Customer customer = joining.customer();
        if (Emails.sameAddress(account.soldTo().email(), customer.email())) {
            return Planning.notPlanned(Why.NOTHING_TO_DO, "the new contact already is the Sold To");
        }
        BackendState facts = r.facts();
        boolean member = joining.member();
        Optional<Membership> elsewhere = joining.elsewhere();
        Optional<Planning> refused = joining.notYet("the new contact", "the new contact", r.leaveOtherAccount(),
                r.newContactHistory());
        if (refused.isPresent()) return refused.get();
        boolean enableLogin = !customer.loginActivated();
        Optional<Customer> previous = facts.soldToCustomer(account.id());
        Optional<Membership> previousMembership = previous.flatMap(p -> facts.membershipsOfAccount(account.id()).stream()
                .filter(m -> m.customerId() == p.id()).findFirst());
        Contact contact = new Contact(customer.firstName(), customer.lastName(), customer.email(), account.soldTo().address());

        List<String> members = new ArrayList<>();
        for (Membership m : facts.membershipsOfAccount(account.id())) {
            if (previousMembership.isPresent() && previousMembership.get().id() == m.id()) continue;
            members.add(facts.customer(m.customerId()).map(Customer::email).orElse("customer " + m.customerId()));
        }
        if (!member) members.add(customer.email());
        Goal goal = new Goal(account.id(), contact, account.billTo(), members);
        Steps steps = new Steps();
        elsewhere.ifPresent(m -> steps.add(new PortalChange.DeleteMembership(m.id(), customer.id(), m.billingAccountId())));
        steps.addIf(enableLogin, new PortalChange.SetLoginActivated(customer.id(), true))
                .addIf(!member, new PortalChange.CreateMembership(customer.id(), account.id()));
        previousMembership.ifPresent(m -> steps.add(new PortalChange.DeleteMembership(m.id(), m.customerId(), account.id())));
        steps.add(new PortalChange.UpdateBillingContact(account.id(), ContactRole.SOLD_TO, contact));
        Plan plan = new Plan(r.ticketId(), "change the subscription management contact (existing user)",
                keepingBillTo(account, LastMembership.warn(facts, elsewhere, r.evidence())), facts, steps.list(), goal);
        return Planning.firstSafe(List.of(plan));
    }

    /**
     * Rename the previous Sold To's customer to the new contact (email confirmation skipped), unlink its GitLab.com
     * account, send a sign-in link; the save normally carries the Sold To along, and when the preview says it does
     * not (the customer is no member of the account) the contact is set explicitly at the end.
     */
    public static Planning newUser(NewUser r) {
        BackendState facts = r.facts();
        PlannedAccount planned = PlannedAccount.of(facts, r.billingAccountId(), r.email());
        if (planned.refusal() != null) return planned.refusal();
        BillingAccount account = planned.account();
        if (facts.customerByEmail(r.email()).isPresent()) {
            return Planning.notPlanned(Why.NEEDS_HUMAN, "the new contact already has a customer record: use the existing user path");
        }
        Optional<Customer> previous = facts.soldToCustomer(account.id());
        if (previous.isEmpty()) {
            return Planning.notPlanned(Why.NEEDS_HUMAN, "no customer has the Sold To's email");
        }
        Customer renamed = previous.get();
        boolean billToToo = sameEmail(account.billTo(), account.soldTo());
        Contact soldTo = new Contact(r.firstName(), r.lastName(), r.email(), account.soldTo().address());
        Contact billTo = billToToo ? new Contact(r.firstName(), r.lastName(), r.email(), account.billTo().address())
                : account.billTo();
        List<String> members = facts.membershipsOfAccount(account.id()).stream()
                .map(m -> m.customerId() == renamed.id() ? r.email()
                        : facts.customer(m.customerId()).map(Customer::email).orElse("customer " + m.customerId()))
                .toList();
        List<Evidence> evidence = sharedBillTo(account, r.evidence(), "follows the renamed customer, as the portal moves every"
                + " contact with its email (setting it back would create a customer for the old address); the Billing team"
                + " gets the ticket after the change to separate the two");
        Plan base = new Plan(r.ticketId(), "change the subscription management contact (new user)", evidence, facts,
                List.of(), new Goal(account.id(), soldTo, billTo, members));
        Steps steps = new Steps()
                .add(new PortalChange.UpdateCustomer(renamed.id(), r.firstName(), r.lastName(), r.email(), true))
                .addIf(renamed.uid() != null, new PortalChange.UnlinkGitLabAccount(renamed.id()))
                .add(new PortalChange.SendSignInLink(renamed.id()));
        Plan plain = base.withChanges(steps.list());
        Plan withContacts = base.withChanges(steps
                .add(new PortalChange.UpdateBillingContact(account.id(), ContactRole.SOLD_TO, soldTo))
                .addIf(billToToo, new PortalChange.UpdateBillingContact(account.id(), ContactRole.BILL_TO, billTo))
                .list());
        return Planning.firstSafe(List.of(plain, withContacts));
    }

    /**
     * After a self-service change: the requester's portal account is a member of the billing account but the Sold To
     * still names someone else, so the contact is set to that account (its email has a customer, so none is created).
     * The Bill To follows when it had the Sold To's email, as in the other paths.
     */
    public static Planning updateSoldTo(long ticketId, List<Evidence> evidence, BackendState facts, long billingAccountId,
            String email) {
        PlannedAccount planned = PlannedAccount.of(facts, billingAccountId, email);
        if (planned.refusal() != null) return planned.refusal();
        BillingAccount account = planned.account();
        if (Emails.sameAddress(account.soldTo().email(), email)) {
            return Planning.notPlanned(Why.NOTHING_TO_DO, "the Sold To already is " + email);
        }
        Optional<Customer> owner = facts.customerByEmail(email);
        if (owner.isEmpty()) {
            return Planning.notPlanned(Why.NEEDS_HUMAN, "no portal account has " + email + ": setting the Sold To to it"
                    + " would create a customer");
        }
        Customer customer = owner.get();
        if (facts.membershipsOfAccount(account.id()).stream().noneMatch(m -> m.customerId() == customer.id())) {
            return Planning.notPlanned(Why.NEEDS_HUMAN, "the portal account of " + email + " is no member of billing account "
                    + account.zuoraAccountId() + ": the self-service change was not finished");
        }
        Contact contact = new Contact(customer.firstName(), customer.lastName(), customer.email(), account.soldTo().address());
        Goal goal = new Goal(account.id(), contact, account.billTo(), memberEmails(facts, account.id()));
        Plan plan = new Plan(ticketId, "update the Sold To contact", keepingBillTo(account, evidence), facts,
                List.of(new PortalChange.UpdateBillingContact(account.id(), ContactRole.SOLD_TO, contact)), goal);
        return Planning.firstSafe(List.of(plan));
    }

    /** The evidence line that warns the approvers that a removal leaves the billing account without any member. */
    public static final String LAST_MEMBERSHIP = "last membership";

    /**
     * Remove one customer's membership of the billing account (handbook "Remove a billing account membership"). The
     * contacts stay as they are; when it is the account's only membership the plan's evidence says so first.
     */
    public static Planning removeMembership(long ticketId, List<Evidence> evidence, BackendState facts, long billingAccountId,
            String email) {
        Optional<BillingAccount> found = facts.account(billingAccountId);
        if (found.isEmpty()) return Planning.notPlanned(Why.NEEDS_HUMAN, "billing account " + billingAccountId + " is not in the facts");
        BillingAccount account = found.get();
        Optional<Customer> customer = facts.customerByEmail(email);
        Optional<Membership> membership = customer.flatMap(c -> facts.membershipsOfAccount(account.id()).stream()
                .filter(m -> m.customerId() == c.id()).findFirst());
        if (membership.isEmpty()) {
            return Planning.notPlanned(Why.NOTHING_TO_DO, email + " is no member of billing account " + account.zuoraAccountId());
        }
        List<String> members = new ArrayList<>(memberEmails(facts, account.id()));
        members.removeIf(m -> Emails.sameAddress(m, email));
        Membership m = membership.get();
        Plan plan = new Plan(ticketId, "remove a billing account membership", LastMembership.warn(facts, membership, evidence), facts,
                List.of(new PortalChange.DeleteMembership(m.id(), m.customerId(), account.id())),
                new Goal(account.id(), account.soldTo(), account.billTo(), members));
        return Planning.firstSafe(List.of(plan));
    }

    /**
     * {@code evidence}, and first, when the Bill To shares the Sold To's email, that the Bill To stays: separating the two
     * is the Billing team's, who get the ticket after the change.
     */
    private static List<Evidence> keepingBillTo(BillingAccount account, List<Evidence> evidence) {
        return sharedBillTo(account, evidence, "stays as it is; the Billing team gets the ticket after the change to"
                + " separate the two");
    }

    private static List<Evidence> sharedBillTo(BillingAccount account, List<Evidence> evidence, String what) {
        if (!sameEmail(account.billTo(), account.soldTo())) return evidence;
        List<Evidence> all = new ArrayList<>();
        all.add(new Evidence(Evidence.SHARED_BILL_TO, "the Bill To " + account.billTo().fullName() + " ("
                + account.billTo().email() + ") " + what));
        all.addAll(evidence);
        return all;
    }

    private static List<String> memberEmails(BackendState facts, long accountId) {
        return facts.membershipsOfAccount(accountId).stream()
                .map(m -> facts.customer(m.customerId()).map(Customer::email).orElse("customer " + m.customerId()))
                .toList();
    }

    static boolean sameEmail(Contact a, Contact b) {
        return a != null && b != null && Emails.sameAddress(a.email(), b.email());
    }
}
