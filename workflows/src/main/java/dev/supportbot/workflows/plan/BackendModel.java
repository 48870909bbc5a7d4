package dev.supportbot.workflows.plan;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.Emails;
import dev.supportbot.workflows.domain.Membership;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bot's belief of what the portal back end does with each change, side effects included (docs/handbook.md, "The portal
 * back end"; handbook "Associating purchases with additional accounts"):
 * <ul>
 *   <li>Saving a customer (any edit, even none) rewrites, on the billing account it is a member of, the contact that
 *       has the customer's old email; when no contact has it, the Sold To is replaced by the customer.</li>
 *   <li>Setting a billing account contact to an email no customer has creates a customer (login off).</li>
 *   <li>A customer has at most one membership; a second one is refused. A membership changes no contact.</li>
 *   <li>An email another customer has is refused ("Email has already been taken"); without "skip email
 *       confirmation" a new email waits for the customer and the saved email stays.</li>
 *   <li>A sign-in link needs login activated; unlinking needs a linked GitLab.com account.</li>
 * </ul>
 * The sandbox portal is the world this belief is tested against; the two are separate code on purpose.
 */
public final class BackendModel {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private BackendModel() {}

    /** The state after {@code change}, or the unchanged state with the back end's reason for refusing it. */
    public static Result apply(BackendState state, PortalChange change) {
        return change.accept(new Step(state));
    }

    public record Result(BackendState state, String refusal) {
        static Result applied(BackendState state) {
            return new Result(state, null);
        }

        static Result refused(BackendState state, String why) {
            return new Result(state, why);
        }

        public boolean isRefused() {
            return refusal != null;
        }
    }

    private record Step(BackendState s) implements PortalChange.Visitor<Result> {

        @Override
        public Result createMembership(PortalChange.CreateMembership c) {
            if (s.customer(c.customerId()).isEmpty()) return noCustomer(c.customerId());
            if (s.account(c.billingAccountId()).isEmpty()) return noAccount(c.billingAccountId());
            if (!s.membershipsOfCustomer(c.customerId()).isEmpty()) {
                return Result.refused(s, "customer " + c.customerId() + " already has a billing account membership");
            }
            return Result.applied(s.withMembership(c.customerId(), c.billingAccountId()));
        }

        @Override
        public Result deleteMembership(PortalChange.DeleteMembership c) {
            if (s.membership(c.membershipId()).isEmpty()) {
                return Result.refused(s, "membership " + c.membershipId() + " does not exist");
            }
            return Result.applied(s.withoutMembership(c.membershipId()));
        }

        @Override
        public Result updateCustomer(PortalChange.UpdateCustomer c) {
            return save(c.customerId(), c.firstName(), c.lastName(), c.email(), c.skipEmailConfirmation(), null);
        }

        @Override
        public Result setLoginActivated(PortalChange.SetLoginActivated c) {
            return save(c.customerId(), null, null, null, false, c.activated());
        }

        @Override
        public Result updateBillingContact(PortalChange.UpdateBillingContact c) {
            Optional<BillingAccount> found = s.account(c.billingAccountId());
            if (found.isEmpty()) return noAccount(c.billingAccountId());
            BillingAccount account = found.get();
            Contact given = c.contact();
            if (blank(given.firstName()) || blank(given.lastName())) return Result.refused(s, "the contact's name is required");
            if (!isEmail(given.email())) return Result.refused(s, "contact.email is not an email address");
            Contact contact = new Contact(given.firstName().trim(), given.lastName().trim(), normal(given.email()),
                    given.address());
            BackendState next = s;
            if (s.customerByEmail(contact.email()).isEmpty()) {
                next = next.withCustomer(new Customer(s.nextCustomerId(), contact.firstName(), contact.lastName(),
                        contact.email(), account.company(), false, null));
            }
            return Result.applied(next.withAccount(withContacts(account,
                    c.role().includesSoldTo() ? contact : account.soldTo(),
                    c.role().includesBillTo() ? contact : account.billTo())));
        }

        @Override
        public Result unlinkGitLabAccount(PortalChange.UnlinkGitLabAccount c) {
            Optional<Customer> found = s.customer(c.customerId());
            if (found.isEmpty()) return noCustomer(c.customerId());
            Customer before = found.get();
            if (before.uid() == null) {
                return Result.refused(s, "customer " + c.customerId() + " has no linked GitLab.com account");
            }
            return Result.applied(s.withCustomer(new Customer(before.id(), before.firstName(), before.lastName(),
                    before.email(), before.company(), before.loginActivated(), null)));
        }

        @Override
        public Result sendSignInLink(PortalChange.SendSignInLink c) {
            Optional<Customer> found = s.customer(c.customerId());
            if (found.isEmpty()) return noCustomer(c.customerId());
            if (!found.get().loginActivated()) {
                return Result.refused(s, "login is not activated for customer " + c.customerId());
            }
            return Result.applied(s);
        }

        // Licenses and mail are outside the model's state: resending and duplicating change no customer or contact.

        @Override
        public Result resendConfirmation(PortalChange.ResendConfirmation c) {
            return s.customer(c.customerId()).isPresent() ? Result.applied(s) : noCustomer(c.customerId());
        }

        @Override
        public Result resendLicense(PortalChange.ResendLicense c) {
            return isEmail(c.email()) ? Result.applied(s) : Result.refused(s, "email is not an email address");
        }

        @Override
        public Result resendActivationCode(PortalChange.ResendActivationCode c) {
            return isEmail(c.email()) ? Result.applied(s) : Result.refused(s, "email is not an email address");
        }

        @Override
        public Result duplicateLicense(PortalChange.DuplicateLicense c) {
            return c.trueUpCount() < 0 ? Result.refused(s, "true_up_count must not be negative") : Result.applied(s);
        }

        private Result save(long id, String firstName, String lastName, String email, boolean skipConfirmation,
                Boolean loginActivated) {
            Optional<Customer> found = s.customer(id);
            if (found.isEmpty()) return noCustomer(id);
            Customer before = found.get();
            if ((firstName != null && blank(firstName)) || (lastName != null && blank(lastName))) {
                return Result.refused(s, "the customer's name must not be blank");
            }
            String savedEmail = before.email();
            if (email != null && !Emails.sameAddress(email, before.email())) {
                if (!isEmail(email)) return Result.refused(s, "email is not an email address");
                if (s.customerByEmail(email).isPresent()) return Result.refused(s, "Email has already been taken");
                if (skipConfirmation) savedEmail = normal(email);
            }
            Customer after = new Customer(id, firstName == null ? before.firstName() : firstName.trim(),
                    lastName == null ? before.lastName() : lastName.trim(), savedEmail, before.company(),
                    loginActivated == null ? before.loginActivated() : loginActivated, before.uid());
            BackendState next = s.withCustomer(after);
            for (Membership membership : s.membershipsOfCustomer(id)) {
                BillingAccount account = next.account(membership.billingAccountId()).orElseThrow();
                next = next.withAccount(rewriteContact(account, before.email(), after));
            }
            return Result.applied(next);
        }

        private Result noCustomer(long id) {
            return Result.refused(s, "customer " + id + " does not exist");
        }

        private Result noAccount(long id) {
            return Result.refused(s, "billing account " + id + " does not exist");
        }
    }

    /** Saving a customer: the contact with its old email takes its name and email, else the Sold To is replaced. */
    private static BillingAccount rewriteContact(BillingAccount account, String oldEmail, Customer saved) {
        boolean soldToHasIt = Emails.sameAddress(account.soldTo().email(), oldEmail);
        boolean billToHasIt = account.billTo() != null && Emails.sameAddress(account.billTo().email(), oldEmail);
        Contact soldTo = soldToHasIt || !billToHasIt ? asContact(saved, account.soldTo()) : account.soldTo();
        Contact billTo = billToHasIt ? asContact(saved, account.billTo()) : account.billTo();
        return withContacts(account, soldTo, billTo);
    }

    /** The customer's name and email at the contact's postal address. */
    private static Contact asContact(Customer customer, Contact previous) {
        return new Contact(customer.firstName(), customer.lastName(), customer.email(), previous.address());
    }

    private static BillingAccount withContacts(BillingAccount a, Contact soldTo, Contact billTo) {
        return new BillingAccount(a.id(), a.zuoraAccountId(), a.company(), soldTo, billTo, a.reseller());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean isEmail(String s) {
        return s != null && EMAIL.matcher(s.trim()).matches();
    }

    static String normal(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
