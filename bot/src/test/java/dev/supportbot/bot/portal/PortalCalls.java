package dev.supportbot.bot.portal;

import static dev.supportbot.bot.portal.PortalFixtures.BILLING_ACCOUNT;
import static dev.supportbot.bot.portal.PortalFixtures.CLOUD_ACTIVATION;
import static dev.supportbot.bot.portal.PortalFixtures.CUSTOMER;
import static dev.supportbot.bot.portal.PortalFixtures.HISTORY_ENTRY;
import static dev.supportbot.bot.portal.PortalFixtures.HOSTNAME;
import static dev.supportbot.bot.portal.PortalFixtures.INVOICE;
import static dev.supportbot.bot.portal.PortalFixtures.LICENSE;
import static dev.supportbot.bot.portal.PortalFixtures.LICENSE_TEXT;
import static dev.supportbot.bot.portal.PortalFixtures.MAIL_DELIVERY;
import static dev.supportbot.bot.portal.PortalFixtures.MEMBERSHIP;
import static dev.supportbot.bot.portal.PortalFixtures.NAMESPACE;
import static dev.supportbot.bot.portal.PortalFixtures.SIGN_IN_LINK;
import static dev.supportbot.bot.portal.PortalFixtures.SUBSCRIPTION;
import static dev.supportbot.bot.portal.PortalFixtures.VALIDATION;
import static dev.supportbot.bot.portal.PortalFixtures.list;

import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.ContactRole;
import java.util.List;
import java.util.function.Consumer;

/** Every call of {@link PortalClient}: the operation of the API document it makes, and an answer that succeeds. */
final class PortalCalls {
    static final IdempotencyKey KEY = IdempotencyKey.of("approved-action-42");

    private PortalCalls() {}

    /** {@code template} is the document's path; {@code path} the one this call requests. */
    record Call(String name, String method, String template, String path, Consumer<PortalClient> invoke, int status,
            String answer) {

        boolean changes() {
            return !method.equals("GET") && !name.equals("validateLicense");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Call> all() {
        Contact rita = new Contact("Rita", "Ortega", "rita@globex.example", null);
        return List.of(
                new Call("findCustomerByEmail", "GET", "/customers", "/customers",
                        c -> c.findCustomerByEmail("pat@acme.example"), 200, list(CUSTOMER)),
                new Call("customer", "GET", "/customers/{customer_id}", "/customers/1101", c -> c.customer(1101), 200, CUSTOMER),
                new Call("customerHistory", "GET", "/customers/{customer_id}/history", "/customers/1101/history",
                        c -> c.customerHistory(1101), 200, list(HISTORY_ENTRY)),
                new Call("updateCustomer", "PATCH", "/customers/{customer_id}", "/customers/1101",
                        c -> c.updateCustomer(1101, CustomerUpdate.save().withLoginActivated(true), KEY), 200, CUSTOMER),
                new Call("unlinkGitLabAccount", "POST", "/customers/{customer_id}/gitlab-account/unlink",
                        "/customers/1101/gitlab-account/unlink", c -> c.unlinkGitLabAccount(1101, KEY), 200, CUSTOMER),
                new Call("sendSignInLink", "POST", "/customers/{customer_id}/sign-in-links", "/customers/1101/sign-in-links",
                        c -> c.sendSignInLink(1101, KEY), 201, SIGN_IN_LINK),
                new Call("resendConfirmation", "POST", "/customers/{customer_id}/confirmation/resend",
                        "/customers/1101/confirmation/resend", c -> c.resendConfirmation(1101, KEY), 202, MAIL_DELIVERY),
                new Call("membershipsOfCustomer", "GET", "/customers/{customer_id}/memberships", "/customers/1101/memberships",
                        c -> c.membershipsOfCustomer(1101), 200, list(MEMBERSHIP)),
                new Call("billingAccount", "GET", "/billing-accounts/{billing_account_id}", "/billing-accounts/1002",
                        c -> c.billingAccount(1002), 200, BILLING_ACCOUNT),
                new Call("findBillingAccountByZuoraId", "GET", "/billing-accounts", "/billing-accounts",
                        c -> c.findBillingAccountByZuoraId("A00002001"), 200, list(BILLING_ACCOUNT)),
                new Call("updateContact", "PUT", "/billing-accounts/{billing_account_id}/contacts",
                        "/billing-accounts/1002/contacts", c -> c.updateContact(1002, ContactRole.SOLD_TO, rita, KEY), 200,
                        BILLING_ACCOUNT),
                new Call("membershipsOfBillingAccount", "GET", "/billing-accounts/{billing_account_id}/memberships",
                        "/billing-accounts/1001/memberships", c -> c.membershipsOfBillingAccount(1001), 200, list(MEMBERSHIP)),
                new Call("subscriptionsOfBillingAccount", "GET", "/billing-accounts/{billing_account_id}/subscriptions",
                        "/billing-accounts/1003/subscriptions", c -> c.subscriptionsOfBillingAccount(1003), 200,
                        list(SUBSCRIPTION)),
                new Call("invoicesOfBillingAccount", "GET", "/billing-accounts/{billing_account_id}/invoices",
                        "/billing-accounts/1001/invoices", c -> c.invoicesOfBillingAccount(1001), 200, list(INVOICE)),
                new Call("createMembership", "POST", "/memberships", "/memberships", c -> c.createMembership(1101, 1001, KEY),
                        201, MEMBERSHIP),
                new Call("deleteMembership", "DELETE", "/memberships/{membership_id}", "/memberships/7",
                        c -> c.deleteMembership(7, KEY), 204, ""),
                new Call("subscription", "GET", "/subscriptions/{subscription_name}", "/subscriptions/A-S00003001",
                        c -> c.subscription("A-S00003001"), 200, SUBSCRIPTION),
                new Call("cloudActivation", "GET", "/subscriptions/{subscription_name}/cloud-activation",
                        "/subscriptions/A-S00005001/cloud-activation", c -> c.cloudActivation("A-S00005001"), 200,
                        CLOUD_ACTIVATION),
                new Call("resendActivationCode", "POST", "/subscriptions/{subscription_name}/cloud-activation/resend",
                        "/subscriptions/A-S00004001/cloud-activation/resend",
                        c -> c.resendActivationCode("A-S00004001", "alice@umbrella.example", KEY), 202, MAIL_DELIVERY),
                new Call("invoice", "GET", "/invoices/{invoice_number}", "/invoices/INV-1001-A", c -> c.invoice("INV-1001-A"),
                        200, INVOICE),
                new Call("searchLicenses", "GET", "/licenses", "/licenses",
                        c -> c.searchLicenses(LicenseSearch.byCompany("Acme")), 200, list(LICENSE)),
                new Call("validateLicense", "POST", "/licenses/validate", "/licenses/validate",
                        c -> c.validateLicense(LICENSE_TEXT), 200, VALIDATION),
                new Call("license", "GET", "/licenses/{license_id}", "/licenses/1101", c -> c.license(1101), 200, LICENSE),
                new Call("licenseHostnames", "GET", "/licenses/{license_id}/hostnames", "/licenses/1101/hostnames",
                        c -> c.licenseHostnames(1101), 200, list(HOSTNAME)),
                new Call("duplicateLicense", "POST", "/licenses/{license_id}/duplicates", "/licenses/1101/duplicates",
                        c -> c.duplicateLicense(1101, LicenseOverrides.trueUp(12), KEY), 201, LICENSE),
                new Call("resendLicense", "POST", "/licenses/{license_id}/resend", "/licenses/1101/resend",
                        c -> c.resendLicense(1101, "pat@acme.example", KEY), 202, MAIL_DELIVERY),
                new Call("mailDeliveries", "GET", "/mail-deliveries", "/mail-deliveries",
                        c -> c.mailDeliveries("alice@umbrela.example"), 200, list(MAIL_DELIVERY)),
                new Call("namespaceSubscription", "GET", "/namespaces/{namespace}/gitlab-subscription",
                        "/namespaces/initech/gitlab-subscription", c -> c.namespaceSubscription("initech"), 200, NAMESPACE));
    }
}
