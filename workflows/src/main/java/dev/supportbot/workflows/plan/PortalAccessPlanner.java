package dev.supportbot.workflows.plan;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.plan.Planning.Why;
import java.util.List;
import java.util.Optional;

/**
 * Portal access help (docs/handbook.md, "Portal access help"): a one-time sign-in link, or the email confirmation
 * again, for the requester's own Customers Portal account. The portal mails either to the account's own email: the
 * change names the customer, never an address. A sign-in link needs login activated.
 */
public final class PortalAccessPlanner {
    private PortalAccessPlanner() {}

    /** What the requester needs. */
    public enum Help { SIGN_IN_LINK, CONFIRMATION }

    /** @param email the requester's address, which must be the account's own */
    public record Request(long ticketId, List<Evidence> evidence, BackendState facts, String email, Help help) {}

    public static Planning plan(Request r) {
        Optional<Customer> found = r.facts().customerByEmail(r.email());
        if (found.isEmpty()) return Planning.notPlanned(Why.NEEDS_HUMAN, "no Customers Portal account has the requester's email");
        Customer customer = found.get();
        Optional<BillingAccount> account = r.facts().membershipsOfCustomer(customer.id()).stream().findFirst()
                .map(Membership::billingAccountId).flatMap(r.facts()::account);
        if (account.isEmpty()) return Planning.notPlanned(Why.NEEDS_HUMAN, "the account manages no billing account");
        if (r.help() == Help.SIGN_IN_LINK && !customer.loginActivated()) {
            return Planning.notPlanned(Why.NEEDS_HUMAN, "login is not activated for the account");
        }
        PortalChange change = r.help() == Help.SIGN_IN_LINK ? new PortalChange.SendSignInLink(customer.id())
                : new PortalChange.ResendConfirmation(customer.id());
        String purpose = r.help() == Help.SIGN_IN_LINK ? "send a one-time sign-in link to the requester's own account"
                : "resend the email confirmation of the requester's own account";
        return Planning.firstSafe(List.of(new Plan(r.ticketId(), purpose, r.evidence(), r.facts(), List.of(change),
                Goal.unchanged(r.facts(), account.get()))));
    }
}
