package dev.supportbot.workflows.changecontact;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Emails;
import dev.supportbot.workflows.engine.PlanFacts;
import java.util.Optional;

/**
 * Whether the requester could follow the self-service steps (handbook, self-service option: "an existing subscription
 * contact" with "access to the Customer Portal account or email address of the previous owner"). The bot cannot see a
 * mailbox, so it takes a requester who is already a contact of the billing account (Sold To, Bill To, a member), or who
 * writes from the previous owner's (the Sold To's) email domain; anyone else could not sign in as the previous owner
 * and goes straight to the support-assisted path.
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
        if (is(account.soldTo(), requesterEmail)) return new SelfServiceFit(true, "the Sold To contact");
        if (is(account.billTo(), requesterEmail)) return new SelfServiceFit(true, "the billing contact");
        boolean member = facts.state().customerByEmail(requesterEmail)
                .map(c -> facts.state().membershipsOfCustomer(c.id()).stream().anyMatch(m -> m.billingAccountId() == account.id()))
                .orElse(false);
        if (member) return new SelfServiceFit(true, "already a member of the billing account");
        String previousOwnerDomain = account.soldTo() == null ? "" : Emails.domainOf(account.soldTo().email());
        if (!previousOwnerDomain.isEmpty() && previousOwnerDomain.equals(Emails.domainOf(requesterEmail))) {
            return new SelfServiceFit(true, "from the previous owner's email domain");
        }
        return new SelfServiceFit(false, "neither a contact of the subscription nor from the previous owner's email domain");
    }

    private static boolean is(Contact contact, String email) {
        return contact != null && Emails.sameAddress(contact.email(), email);
    }
}
