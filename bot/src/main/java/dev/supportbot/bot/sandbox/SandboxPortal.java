package dev.supportbot.bot.sandbox;

import java.time.Clock;

/** The sandbox back end's parts, wired once: the stores (its tables) and the rules of its changes. */
record SandboxPortal(
        CustomerStore customerStore,
        BillingStore billingStore,
        LicenseStore licenseStore,
        MailStore mailStore,
        SandboxCustomers customers,
        SandboxBilling billing,
        SandboxLicensing licensing) {

    static SandboxPortal create(Clock clock, SandboxSecrets secrets) {
        CustomerStore customers = new CustomerStore();
        BillingStore billing = new BillingStore();
        LicenseStore licenses = new LicenseStore();
        MailStore mail = new MailStore();
        SandboxMailer mailer = new SandboxMailer(mail, clock);
        return new SandboxPortal(customers, billing, licenses, mail,
                new SandboxCustomers(customers, billing, mailer, secrets, clock),
                new SandboxBilling(customers, billing, clock),
                new SandboxLicensing(licenses, mailer, secrets, clock));
    }
}
