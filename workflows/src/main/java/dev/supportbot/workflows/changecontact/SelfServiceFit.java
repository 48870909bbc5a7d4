package dev.supportbot.workflows.changecontact;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Emails;
import dev.supportbot.workflows.engine.PlanFacts;
import java.util.Optional;

/**
 * Whether the requester could follow the self-service steps. The handbook's condition (self-service option) has two
 * halves: "an existing subscription contact" AND "access to the Customer Portal account or email address of the previous
 * owner". The first is read from the billing account: its Sold To, its Bill To, or a member. The bot cannot see a
 * mailbox, so for the second it takes the Sold To themself (the previous owner) or a requester writing from the Sold
 * To's own email domain, matched exactly: a subdomain or a parent domain may be another mail system and does not count,
 * and neither does a public mail service's domain (gmail.com), which anyone shares.
 * Anyone else goes straight to the support-assisted path, which needs neither.
 *
 * @param why the reason in words, for the agent's note
 */
record SelfServiceFit(boolean fits, String why) {

    /** @param facts the subscription's billing account and its surroundings; null when the ticket names none the portal knows */
    static SelfServiceFit of(PlanFacts facts, String requesterEmail) {
        Optional<BillingAccount> found = facts == null ? Optional.empty() : facts.state().account(facts.billingAccountId());
        if (found.isEmpty()) {
            return new SelfServiceFit(false, "the ticket names no subscription the portal knows, so the previous owner is unknown");
        }
        BillingAccount account = found.get();
        if (account.soldTo() == null) {
            return new SelfServiceFit(false, "the subscription has no Sold To contact whose account the requester could claim");
        }
        if (is(account.soldTo(), requesterEmail)) return new SelfServiceFit(true, "the Sold To contact, the previous owner themself");
        boolean sameDomain = sameDomain(account.soldTo().email(), requesterEmail);
        Optional<String> contact = contactRole(facts, account, requesterEmail);
        if (contact.isEmpty()) {
            return new SelfServiceFit(false, sameDomain
                    ? "from the previous owner's email domain, but not a contact of the subscription (neither its Bill To"
                            + " nor a member of its billing account)"
                    : "not a contact of the subscription, nor from the previous owner's email domain");
        }
        if (sameDomain && Emails.publicMail(Emails.domainOf(requesterEmail))) {
            return new SelfServiceFit(false, contact.get() + ", but the previous owner's address is at a public mail service ("
                    + Emails.domainOf(requesterEmail) + "), so sharing it says nothing about reaching their mailbox");
        }
        if (!sameDomain) {
            return new SelfServiceFit(false, contact.get() + ", but from another email domain than the previous owner's,"
                    + " so not likely to reach the previous owner's mailbox");
        }
        return new SelfServiceFit(true, contact.get() + ", from the previous owner's email domain");
    }

    /** How the requester is a contact of the account other than its Sold To, in words; empty when they are none. */
    private static Optional<String> contactRole(PlanFacts facts, BillingAccount account, String requesterEmail) {
        if (is(account.billTo(), requesterEmail)) return Optional.of("the billing contact");
        boolean member = facts.state().customerByEmail(requesterEmail)
                .map(c -> facts.state().membershipsOfCustomer(c.id()).stream().anyMatch(m -> m.billingAccountId() == account.id()))
                .orElse(false);
        return member ? Optional.of("a member of the billing account") : Optional.empty();
    }

    private static boolean sameDomain(String previousOwnerEmail, String requesterEmail) {
        String domain = Emails.domainOf(previousOwnerEmail);
        return !domain.isEmpty() && domain.equals(Emails.domainOf(requesterEmail));
    }

    private static boolean is(Contact contact, String email) {
        return contact != null && Emails.sameAddress(contact.email(), email);
    }
}
