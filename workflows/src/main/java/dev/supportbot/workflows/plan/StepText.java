package dev.supportbot.workflows.plan;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Customer;

/** One line per step for the approver, naming customers and accounts as they are before the step. */
final class StepText implements PortalChange.Visitor<String> {
    private final BackendState state;

    private StepText(BackendState state) {
        this.state = state;
    }

    static String describe(BackendState state, PortalChange change) {
        return change.accept(new StepText(state));
    }

    @Override
    public String createMembership(PortalChange.CreateMembership c) {
        return "Add " + customer(c.customerId()) + " as a member of " + account(c.billingAccountId());
    }

    @Override
    public String deleteMembership(PortalChange.DeleteMembership c) {
        return "Remove the membership of " + customer(c.customerId()) + " in " + account(c.billingAccountId());
    }

    @Override
    public String updateCustomer(PortalChange.UpdateCustomer c) {
        if (c.onlySaves()) return "Save " + customer(c.customerId()) + " unchanged";
        StringBuilder text = new StringBuilder("Edit " + customer(c.customerId()) + ":");
        if (c.firstName() != null || c.lastName() != null) {
            text.append(" name ").append(nullToEmpty(c.firstName())).append(' ').append(nullToEmpty(c.lastName()));
        }
        if (c.email() != null) {
            text.append(" email ").append(c.email())
                    .append(c.skipEmailConfirmation() ? " (skip email confirmation)" : " (to be confirmed by the customer)");
        }
        return text.toString();
    }

    @Override
    public String setLoginActivated(PortalChange.SetLoginActivated c) {
        return (c.activated() ? "Activate" : "Deactivate") + " login of " + customer(c.customerId());
    }

    @Override
    public String updateBillingContact(PortalChange.UpdateBillingContact c) {
        String role = switch (c.role()) {
            case SOLD_TO -> "Sold To";
            case BILL_TO -> "Bill To";
            case BOTH -> "Sold To and Bill To";
        };
        return "Set the " + role + " of " + account(c.billingAccountId()) + " to " + contact(c.contact());
    }

    @Override
    public String unlinkGitLabAccount(PortalChange.UnlinkGitLabAccount c) {
        return "Unlink the GitLab.com account of " + customer(c.customerId());
    }

    @Override
    public String sendSignInLink(PortalChange.SendSignInLink c) {
        return "Send a one-time sign-in link to " + customer(c.customerId());
    }

    @Override
    public String resendConfirmation(PortalChange.ResendConfirmation c) {
        return "Resend the email confirmation to " + customer(c.customerId());
    }

    @Override
    public String resendLicense(PortalChange.ResendLicense c) {
        return "Resend license " + c.licenseId() + " to " + c.email();
    }

    @Override
    public String resendActivationCode(PortalChange.ResendActivationCode c) {
        return "Resend the activation code of " + c.subscriptionName() + " to " + c.email();
    }

    @Override
    public String duplicateLicense(PortalChange.DuplicateLicense c) {
        return "Duplicate license " + c.licenseId() + " with a true-up count of " + c.trueUpCount();
    }

    private String customer(long id) {
        return state.customer(id).map(StepText::customer).orElse("customer " + id);
    }

    private static String customer(Customer c) {
        return c.fullName() + " <" + c.email() + "> (customer " + c.id() + ")";
    }

    private String account(long id) {
        return state.account(id).map(BillingAccount::zuoraAccountId).map(z -> "billing account " + z)
                .orElse("billing account " + id);
    }

    private static String contact(Contact c) {
        return c.fullName() + " <" + c.email() + ">";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
