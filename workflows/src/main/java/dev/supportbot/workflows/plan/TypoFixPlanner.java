package dev.supportbot.workflows.plan;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.ContactRole;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.Emails;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.domain.LicenseKind;
import dev.supportbot.workflows.plan.Planning.Why;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fix a typo in the Sold To email (docs/handbook.md, "Fix an email typo": the correction and the resend): correct the customer record and the billing
 * account's Sold To, then resend the license or activation code. The customer goes first: setting the contact first
 * would create a customer for the corrected address, and the customer's own correction would then be refused as
 * "Email has already been taken". The checks before (unused activation code, bounced mail, the AM's confirmation)
 * belong to the workflow, not to the plan.
 */
public final class TypoFixPlanner {
    private TypoFixPlanner() {}

    /** What to resend: a license file (by id) or a cloud activation code (by subscription name). */
    public record Resend(Long licenseId, String subscriptionName) {
        public static Resend license(long licenseId) {
            return new Resend(licenseId, null);
        }

        public static Resend activationCode(String subscriptionName) {
            return new Resend(null, subscriptionName);
        }

        /** A cloud license's activation code, any other license's file. */
        public static Resend of(License license) {
            return license.kind() == LicenseKind.CLOUD ? activationCode(license.subscriptionName()) : license(license.id());
        }

        public boolean activationCode() {
            return licenseId == null;
        }

        PortalChange to(String email) {
            return licenseId != null ? new PortalChange.ResendLicense(licenseId, email)
                    : new PortalChange.ResendActivationCode(subscriptionName, email);
        }
    }

    /** The evidence kind of a plan that only resends, the Sold To being corrected already. */
    public static final String ALREADY_CORRECTED = "Sold To already corrected";

    public record Request(long ticketId, List<Evidence> evidence, BackendState facts, long billingAccountId,
            String correctedEmail, Resend resend) {}

    public static Planning plan(Request r) {
        BackendState facts = r.facts();
        Optional<BillingAccount> found = facts.account(r.billingAccountId());
        if (found.isEmpty()) return Planning.notPlanned(Why.NEEDS_HUMAN, "billing account " + r.billingAccountId() + " is not in the facts");
        BillingAccount account = found.get();
        String typo = account.soldTo().email();
        if (Emails.sameAddress(typo, r.correctedEmail())) return resendOnly(r, facts, account);
        Optional<Customer> mistyped = facts.customerByEmail(typo);
        if (mistyped.isEmpty()) return Planning.notPlanned(Why.NEEDS_HUMAN, "no customer has the mistyped Sold To email");
        if (facts.customerByEmail(r.correctedEmail()).isPresent()) {
            return Planning.notPlanned(Why.NEEDS_HUMAN, "another customer already has the corrected email");
        }
        Customer customer = mistyped.get();
        boolean billToToo = ChangeContactPlanner.sameEmail(account.billTo(), account.soldTo());
        Contact soldTo = withEmail(account.soldTo(), r.correctedEmail());
        Contact billTo = billToToo ? withEmail(account.billTo(), r.correctedEmail()) : account.billTo();
        List<String> members = new ArrayList<>();
        facts.membershipsOfAccount(account.id()).forEach(m -> members.add(m.customerId() == customer.id()
                ? r.correctedEmail() : facts.customer(m.customerId()).map(Customer::email).orElse("customer " + m.customerId())));
        Plan base = new Plan(r.ticketId(), "fix a typo in the Sold To email", r.evidence(), facts, List.of(),
                new Goal(account.id(), soldTo, billTo, members));
        PortalChange correctCustomer = new PortalChange.UpdateCustomer(customer.id(), null, null, r.correctedEmail(), true);
        Plan plain = base.withChanges(List.of(correctCustomer, r.resend().to(r.correctedEmail())));
        Plan withContacts = base.withChanges(new Steps()
                .add(correctCustomer)
                .add(new PortalChange.UpdateBillingContact(account.id(), ContactRole.SOLD_TO, soldTo))
                .addIf(billToToo, new PortalChange.UpdateBillingContact(account.id(), ContactRole.BILL_TO, billTo))
                .add(r.resend().to(r.correctedEmail()))
                .list());
        return Planning.firstSafe(List.of(plain, withContacts));
    }

    /**
     * The Sold To already has the corrected address (someone fixed it before): the license or code still never reached
     * it, so the plan resends it, and says why nothing else changes.
     */
    private static Planning resendOnly(Request r, BackendState facts, BillingAccount account) {
        List<Evidence> evidence = new ArrayList<>(r.evidence());
        evidence.add(new Evidence(ALREADY_CORRECTED, "the Sold To of billing account " + account.zuoraAccountId()
                + " already has " + r.correctedEmail() + "; only the resend is left"));
        List<String> members = new ArrayList<>();
        facts.membershipsOfAccount(account.id()).forEach(m -> members.add(
                facts.customer(m.customerId()).map(Customer::email).orElse("customer " + m.customerId())));
        Plan plan = new Plan(r.ticketId(), "resend to the corrected Sold To email", evidence, facts, List.of(),
                new Goal(account.id(), account.soldTo(), account.billTo(), members));
        return Planning.firstSafe(List.of(plan.withChanges(List.of(r.resend().to(r.correctedEmail())))));
    }

    private static Contact withEmail(Contact c, String email) {
        return new Contact(c.firstName(), c.lastName(), email, c.address());
    }
}
