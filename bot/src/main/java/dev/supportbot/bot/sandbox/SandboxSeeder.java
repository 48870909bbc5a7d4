package dev.supportbot.bot.sandbox;

import dev.supportbot.bot.sandbox.SandboxSeed.Account;
import dev.supportbot.bot.sandbox.SandboxSeed.Company;
import dev.supportbot.bot.sandbox.SandboxSeed.SeedChange;
import dev.supportbot.bot.sandbox.SandboxSeed.SeedCustomer;
import dev.supportbot.bot.sandbox.SandboxSeed.SeedLicense;
import dev.supportbot.bot.sandbox.SandboxSeed.SeedMail;
import dev.supportbot.bot.sandbox.SandboxSeed.SeedSubscription;
import dev.supportbot.workflows.domain.CloudActivation.InstanceActivation;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.HistoryEntry.Change;
import dev.supportbot.workflows.domain.Invoice;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.domain.LicenseHostname;
import dev.supportbot.workflows.domain.LicenseKind;
import dev.supportbot.workflows.domain.MailDelivery;
import dev.supportbot.workflows.domain.Subscription;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Writes a {@link SandboxSeed} into the sandbox's tables for a seeding day D, generating the secrets (activation codes,
 * license files) as it goes. A company whose billing account exists is skipped, so seeding twice adds nothing.
 */
final class SandboxSeeder {
    private static final String CODE_PLACEHOLDER = "{activation_code}";

    private final SandboxPortal portal;
    private final SandboxSecrets secrets;

    SandboxSeeder(SandboxPortal portal, SandboxSecrets secrets) {
        this.portal = portal;
        this.secrets = secrets;
    }

    /** Returns the number of companies added. */
    int seed(Handle h, SandboxSeed seed, LocalDate d) {
        SeedDay day = new SeedDay(d);
        for (String domain : seed.undeliverableMailDomains()) {
            portal.mailStore().addUndeliverableDomain(h, domain.trim().toLowerCase(Locale.ROOT));
        }
        int added = 0;
        for (Company company : seed.companies()) {
            if (portal.billingStore().accountByZuoraId(h, company.billingAccount().zuoraAccountId()).isEmpty()) {
                seedCompany(h, company, day);
                added++;
            }
        }
        return added;
    }

    private void seedCompany(Handle h, Company company, SeedDay day) {
        Account account = company.billingAccount();
        portal.billingStore().insertAccount(h, account.id(), account.zuoraAccountId(), company.name(), account.soldTo(),
                account.billTo(), account.reseller() == null ? null : account.reseller().name(),
                account.reseller() == null ? null : account.reseller().invoiceOwnerAccountId());
        for (SeedCustomer customer : company.customers()) seedCustomer(h, company, customer, day);
        Map<String, String> codes = new HashMap<>();
        for (SeedSubscription s : company.subscriptions()) {
            portal.billingStore().insertSubscription(h, new Subscription(s.name(), account.id(), account.zuoraAccountId(),
                    s.deployment(), s.namespace(), s.plan(), s.seats(), day.date(s.start()), day.date(s.end()),
                    account.reseller() != null));
            if (s.cloudActivation() != null) {
                String code = secrets.activationCode();
                codes.put(s.name(), code);
                portal.licenseStore().insertCloudActivation(h, s.name(), code);
                for (SandboxSeed.SeedInstance i : s.cloudActivation().instanceActivations()) {
                    portal.licenseStore().insertInstanceActivation(h, s.name(),
                            new InstanceActivation(i.instanceId(), i.hostname(), day.instant(i.activatedAt())));
                }
            }
        }
        for (SandboxSeed.SeedInvoice invoice : company.invoices()) {
            portal.billingStore().insertInvoice(h, new Invoice(invoice.number(), account.id(), day.date(invoice.date()),
                    invoice.amount()));
        }
        for (SeedLicense l : company.licenses()) {
            License license = portal.licenseStore().insert(h, new License(l.id(), l.subscription(), l.licenseeName(),
                    l.licenseeEmail(), company.name(), l.plan(), l.usersCount(), l.trueUpCount(), day.date(l.issuedAt()),
                    day.date(l.startsAt()), day.date(l.expiresAt()), l.trial(), l.kind()),
                    l.kind() == LicenseKind.CLOUD ? null : secrets.licenseText());
            for (SandboxSeed.SeedHostname host : l.hostnames()) {
                portal.licenseStore().insertHostname(h, license.id(),
                        new LicenseHostname(host.hostname(), day.instant(host.lastUsagePing())));
            }
        }
        for (SeedMail mail : company.mailLog()) {
            portal.mailStore().insert(h, new MailDelivery(mail.recipient(), mail.status(), mail.smtpCode(), mail.message(),
                    subject(mail, codes), day.instant(mail.at())));
        }
    }

    private void seedCustomer(Handle h, Company company, SeedCustomer seeded, SeedDay day) {
        Customer customer = portal.customerStore().insert(h, new Customer(seeded.id(), seeded.firstName(), seeded.lastName(),
                seeded.email(), company.name(), seeded.loginActivated(), seeded.uid()));
        Instant created = day.instant(seeded.created() == null ? "D" : seeded.created());
        Customer asCreated = new Customer(customer.id(), customer.firstName(), customer.lastName(), customer.email(),
                customer.company(), loginWhenCreated(seeded), customer.uid());
        portal.customerStore().record(h, customer.id(), "create", SandboxBilling.creation(asCreated), created);
        if (seeded.member()) {
            portal.billingStore().insertMembership(h, customer.id(), company.billingAccount().id());
            portal.customerStore().record(h, customer.id(), "update", Map.of(SandboxBilling.MEMBERSHIP_FIELD,
                    new Change(null, company.billingAccount().zuoraAccountId())), created);
        }
        for (SeedChange change : seeded.history()) {
            portal.customerStore().record(h, customer.id(), "update", change.changes(), day.instant(change.at()));
        }
    }

    /** Login as it was at creation: before its first recorded change, else as it is now. */
    private static boolean loginWhenCreated(SeedCustomer seeded) {
        return seeded.history().stream()
                .map(change -> change.changes().get("login_activated"))
                .filter(Objects::nonNull)
                .findFirst()
                .map(change -> Boolean.parseBoolean(change.from()))
                .orElse(seeded.loginActivated());
    }

    private static String subject(SeedMail mail, Map<String, String> codes) {
        if (!mail.subject().contains(CODE_PLACEHOLDER)) return mail.subject();
        String code = codes.get(mail.activationCodeOf());
        if (code == null) {
            throw new IllegalStateException("seed mail to " + mail.recipient() + " names the activation code of '"
                    + mail.activationCodeOf() + "', which is no cloud subscription of its company");
        }
        return mail.subject().replace(CODE_PLACEHOLDER, code);
    }
}
