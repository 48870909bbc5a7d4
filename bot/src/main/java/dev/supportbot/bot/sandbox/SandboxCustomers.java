package dev.supportbot.bot.sandbox;

import dev.supportbot.bot.portal.CustomerUpdate;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.Emails;
import dev.supportbot.workflows.domain.HistoryEntry.Change;
import dev.supportbot.workflows.domain.MailDelivery;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.domain.SignInLink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/** Changes to customers, with the real back end's side effect on billing account contacts; sign-in links. */
final class SandboxCustomers {
    static final Duration SIGN_IN_LINK_LIFETIME = Duration.ofHours(24);

    private final CustomerStore customers;
    private final BillingStore billing;
    private final SandboxMailer mailer;
    private final SandboxSecrets secrets;
    private final Clock clock;

    SandboxCustomers(CustomerStore customers, BillingStore billing, SandboxMailer mailer, SandboxSecrets secrets, Clock clock) {
        this.customers = customers;
        this.billing = billing;
        this.mailer = mailer;
        this.secrets = secrets;
        this.clock = clock;
    }

    Customer find(Handle h, long id) {
        return customers.find(h, id).orElseThrow(() -> SandboxProblem.notFound("customer " + id + " does not exist"));
    }

    /**
     * Edits and saves a customer. An email change waits for the customer's confirmation unless it is skipped. Saving
     * (even without changes) then rewrites a billing account contact: see {@link #updateZuoraContact}.
     */
    Customer update(Handle h, long id, CustomerUpdate update) {
        Customer before = find(h, id);
        String first = update.firstName() == null ? before.firstName() : SandboxInput.text(update.firstName(), "first_name");
        String last = update.lastName() == null ? before.lastName() : SandboxInput.text(update.lastName(), "last_name");
        boolean login = update.loginActivated() == null ? before.loginActivated() : update.loginActivated();
        String email = before.email();
        Map<String, Change> changes = new LinkedHashMap<>();
        if (update.email() != null) {
            String wanted = SandboxInput.email(update.email(), "email");
            if (!wanted.equals(before.email())) {
                customers.findByEmail(h, wanted).ifPresent(other -> {
                    throw SandboxProblem.conflict("Email has already been taken");
                });
                if (Boolean.TRUE.equals(update.skipEmailConfirmation())) {
                    email = wanted;
                } else {
                    String pending = customers.unconfirmedEmail(h, id).orElse(null);
                    customers.setUnconfirmedEmail(h, id, wanted);
                    changed(changes, "unconfirmed_email", pending, wanted);
                    mailer.send(h, wanted, "Confirmation instructions");
                }
            }
        }
        Customer after = new Customer(id, first, last, email, before.company(), login, before.uid());
        changed(changes, "first_name", before.firstName(), first);
        changed(changes, "last_name", before.lastName(), last);
        changed(changes, "email", before.email(), email);
        changed(changes, "login_activated", String.valueOf(before.loginActivated()), String.valueOf(login));
        if (!after.equals(before)) customers.update(h, after);
        if (!changes.isEmpty()) customers.record(h, id, "update", changes, clock.instant());
        updateZuoraContact(h, before.email(), after);
        return after;
    }

    /**
     * A person signs up on the portal: a customer with login on, recorded as created. An email a customer already has
     * is refused as the portal's sign-up form refuses it.
     */
    Customer signUp(Handle h, SignUpRequest request) {
        String email = SandboxInput.email(request.email(), "email");
        if (customers.findByEmail(h, email).isPresent()) throw SandboxProblem.conflict("Email has already been taken");
        String company = request.company() == null || request.company().isBlank() ? null : request.company().trim();
        Customer created = customers.insert(h, new Customer(0, SandboxInput.text(request.firstName(), "first_name"),
                SandboxInput.text(request.lastName(), "last_name"), email, company, true, null));
        customers.record(h, created.id(), "create", SandboxBilling.creation(created), clock.instant());
        return created;
    }

    Customer unlinkGitLabAccount(Handle h, long id) {
        Customer before = find(h, id);
        if (before.uid() == null) throw SandboxProblem.conflict("customer " + id + " has no linked GitLab.com account");
        Customer after = new Customer(id, before.firstName(), before.lastName(), before.email(), before.company(),
                before.loginActivated(), null);
        customers.update(h, after);
        customers.record(h, id, "update", Map.of("uid", new Change(String.valueOf(before.uid()), null)), clock.instant());
        return after;
    }

    SignInLink sendSignInLink(Handle h, long id) {
        Customer customer = find(h, id);
        if (!customer.loginActivated()) throw SandboxProblem.conflict("login is not activated for customer " + id);
        Instant expiresAt = clock.instant().plus(SIGN_IN_LINK_LIFETIME);
        customers.insertSignInLink(h, secrets.signInToken(), id, customer.email(), expiresAt);
        mailer.send(h, customer.email(), "Your one-time sign-in link");
        return new SignInLink(id, customer.email(), expiresAt);
    }

    /** The confirmation mail again, to the customer's own email and no other. */
    MailDelivery resendConfirmation(Handle h, long id) {
        return mailer.send(h, find(h, id).email(), "Confirmation instructions");
    }

    SignedIn redeemSignInLink(Handle h, String token) {
        CustomerStore.SignInLinkRow link = customers.signInLink(h, SandboxInput.text(token, "token"))
                .orElseThrow(() -> SandboxProblem.notFound("no such sign-in link"));
        Instant now = clock.instant();
        if (link.usedAt() != null) throw SandboxProblem.conflict("this sign-in link was already used");
        if (!now.isBefore(link.expiresAt())) throw SandboxProblem.gone("this sign-in link expired");
        if (!customers.useSignInLink(h, token, now)) throw SandboxProblem.conflict("this sign-in link was already used");
        return new SignedIn(link.customerId());
    }

    /**
     * The real back end's side effect of saving a customer: the contact of the customer's billing account that has
     * the customer's old email takes the customer's name and email; when no contact has it, the Sold To is replaced by
     * this customer. The postal address stays.
     */
    private void updateZuoraContact(Handle h, String oldEmail, Customer saved) {
        for (Membership membership : billing.membershipsOfCustomer(h, saved.id())) {
            BillingAccount account = billing.account(h, membership.billingAccountId()).orElseThrow();
            boolean soldToMatches = Emails.sameAddress(account.soldTo().email(), oldEmail);
            boolean billToMatches = account.billTo() != null && Emails.sameAddress(account.billTo().email(), oldEmail);
            Contact soldTo = soldToMatches || !billToMatches ? asContact(saved, account.soldTo()) : account.soldTo();
            Contact billTo = billToMatches ? asContact(saved, account.billTo()) : account.billTo();
            billing.setContacts(h, account.id(), soldTo, billTo);
        }
    }

    private static Contact asContact(Customer customer, Contact previous) {
        return new Contact(customer.firstName(), customer.lastName(), customer.email(), previous.address());
    }

    private static void changed(Map<String, Change> changes, String field, String from, String to) {
        if (!Objects.equals(from, to)) changes.put(field, new Change(from, to));
    }

    /** Answer of a redeemed sign-in link. */
    record SignedIn(long customerId) {}
}
