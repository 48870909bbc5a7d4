package dev.supportbot.workflows.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.ContactRole;
import java.util.Objects;

/**
 * One change to the portal back end, as a step of a {@link Plan}. Code that handles changes implements
 * {@link Visitor}, so a new kind of change does not compile until every handler (the model, the portal adapter) knows it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PortalChange.CreateMembership.class, name = "create_membership"),
        @JsonSubTypes.Type(value = PortalChange.DeleteMembership.class, name = "delete_membership"),
        @JsonSubTypes.Type(value = PortalChange.UpdateCustomer.class, name = "update_customer"),
        @JsonSubTypes.Type(value = PortalChange.SetLoginActivated.class, name = "set_login_activated"),
        @JsonSubTypes.Type(value = PortalChange.UpdateBillingContact.class, name = "update_billing_contact"),
        @JsonSubTypes.Type(value = PortalChange.UnlinkGitLabAccount.class, name = "unlink_gitlab_account"),
        @JsonSubTypes.Type(value = PortalChange.SendSignInLink.class, name = "send_sign_in_link"),
        @JsonSubTypes.Type(value = PortalChange.ResendConfirmation.class, name = "resend_confirmation"),
        @JsonSubTypes.Type(value = PortalChange.ResendLicense.class, name = "resend_license"),
        @JsonSubTypes.Type(value = PortalChange.ResendActivationCode.class, name = "resend_activation_code"),
        @JsonSubTypes.Type(value = PortalChange.DuplicateLicense.class, name = "duplicate_license"),
})
public sealed interface PortalChange {

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of change. */
    interface Visitor<R> {
        R createMembership(CreateMembership change);

        R deleteMembership(DeleteMembership change);

        R updateCustomer(UpdateCustomer change);

        R setLoginActivated(SetLoginActivated change);

        R updateBillingContact(UpdateBillingContact change);

        R unlinkGitLabAccount(UnlinkGitLabAccount change);

        R sendSignInLink(SendSignInLink change);

        R resendConfirmation(ResendConfirmation change);

        R resendLicense(ResendLicense change);

        R resendActivationCode(ResendActivationCode change);

        R duplicateLicense(DuplicateLicense change);
    }

    /** Links a customer to a billing account. Does not change the billing account's contacts. */
    record CreateMembership(long customerId, long billingAccountId) implements PortalChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.createMembership(this);
        }
    }

    /** Removes a membership; the customer and account are named so the step reads without a look-up. */
    record DeleteMembership(long membershipId, long customerId, long billingAccountId) implements PortalChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.deleteMembership(this);
        }
    }

    /**
     * Edits and saves a customer; null fields stay. With all fields null it only saves ("click Save"), which still
     * rewrites a billing account contact: that is how the original Sold To is kept by saving its customer last.
     */
    record UpdateCustomer(long customerId, String firstName, String lastName, String email, boolean skipEmailConfirmation)
            implements PortalChange {

        public static UpdateCustomer save(long customerId) {
            return new UpdateCustomer(customerId, null, null, null, false);
        }

        public boolean onlySaves() {
            return firstName == null && lastName == null && email == null;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.updateCustomer(this);
        }
    }

    /** Ticks or clears "Login activated" and saves the customer (with the same side effect as any save). */
    record SetLoginActivated(long customerId, boolean activated) implements PortalChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.setLoginActivated(this);
        }
    }

    /** Sets the Sold To, the Bill To or both. An email no customer has creates a customer. */
    record UpdateBillingContact(long billingAccountId, ContactRole role, Contact contact) implements PortalChange {
        public UpdateBillingContact {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(contact, "contact");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.updateBillingContact(this);
        }
    }

    record UnlinkGitLabAccount(long customerId) implements PortalChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.unlinkGitLabAccount(this);
        }
    }

    /** A one-time sign-in link to the customer's email; refused when login is not activated. */
    record SendSignInLink(long customerId) implements PortalChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.sendSignInLink(this);
        }
    }

    /** The email confirmation instructions again, to the customer's own email: no other address can be given. */
    record ResendConfirmation(long customerId) implements PortalChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.resendConfirmation(this);
        }
    }

    record ResendLicense(long licenseId, String email) implements PortalChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.resendLicense(this);
        }
    }

    record ResendActivationCode(String subscriptionName, String email) implements PortalChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.resendActivationCode(this);
        }
    }

    /** A copy of the license with the true-up count corrected; it is not mailed (a {@link ResendLicense} does that). */
    record DuplicateLicense(long licenseId, int trueUpCount) implements PortalChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.duplicateLicense(this);
        }
    }
}
