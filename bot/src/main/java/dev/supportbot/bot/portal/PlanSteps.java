package dev.supportbot.bot.portal;

import dev.supportbot.workflows.plan.PortalChange;

/**
 * Carries out one step of a plan through the portal client: each kind of {@link PortalChange} is one call of the
 * portal API. A new kind of change does not compile until it has its call here.
 */
public final class PlanSteps {
    private final PortalClient portal;

    public PlanSteps(PortalClient portal) {
        this.portal = portal;
    }

    /** Throws the client's {@link PortalException} when the portal refuses the step. */
    public void run(PortalChange change, IdempotencyKey key) {
        change.accept(new Call(key));
    }

    private final class Call implements PortalChange.Visitor<Void> {
        private final IdempotencyKey key;

        Call(IdempotencyKey key) {
            this.key = key;
        }

        @Override
        public Void createMembership(PortalChange.CreateMembership c) {
            portal.createMembership(c.customerId(), c.billingAccountId(), key);
            return null;
        }

        @Override
        public Void deleteMembership(PortalChange.DeleteMembership c) {
            portal.deleteMembership(c.membershipId(), key);
            return null;
        }

        @Override
        public Void updateCustomer(PortalChange.UpdateCustomer c) {
            CustomerUpdate update = CustomerUpdate.save();
            if (c.firstName() != null || c.lastName() != null) update = update.withName(c.firstName(), c.lastName());
            if (c.email() != null) {
                update = c.skipEmailConfirmation() ? update.withConfirmedEmail(c.email()) : update.withUnconfirmedEmail(c.email());
            }
            portal.updateCustomer(c.customerId(), update, key);
            return null;
        }

        @Override
        public Void setLoginActivated(PortalChange.SetLoginActivated c) {
            portal.updateCustomer(c.customerId(), CustomerUpdate.save().withLoginActivated(c.activated()), key);
            return null;
        }

        @Override
        public Void updateBillingContact(PortalChange.UpdateBillingContact c) {
            portal.updateContact(c.billingAccountId(), c.role(), c.contact(), key);
            return null;
        }

        @Override
        public Void unlinkGitLabAccount(PortalChange.UnlinkGitLabAccount c) {
            portal.unlinkGitLabAccount(c.customerId(), key);
            return null;
        }

        @Override
        public Void sendSignInLink(PortalChange.SendSignInLink c) {
            portal.sendSignInLink(c.customerId(), key);
            return null;
        }

        @Override
        public Void resendConfirmation(PortalChange.ResendConfirmation c) {
            portal.resendConfirmation(c.customerId(), key);
            return null;
        }

        @Override
        public Void resendLicense(PortalChange.ResendLicense c) {
            portal.resendLicense(c.licenseId(), c.email(), key);
            return null;
        }

        @Override
        public Void resendActivationCode(PortalChange.ResendActivationCode c) {
            portal.resendActivationCode(c.subscriptionName(), c.email(), key);
            return null;
        }

        @Override
        public Void duplicateLicense(PortalChange.DuplicateLicense c) {
            portal.duplicateLicense(c.licenseId(), LicenseOverrides.trueUp(c.trueUpCount()), key);
            return null;
        }
    }
}
