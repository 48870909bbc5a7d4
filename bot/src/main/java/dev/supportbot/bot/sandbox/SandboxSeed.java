package dev.supportbot.bot.sandbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Deployment;
import dev.supportbot.workflows.domain.HistoryEntry;
import dev.supportbot.workflows.domain.LicenseKind;
import dev.supportbot.workflows.domain.MailDelivery;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The content of config/sandbox-seed.yaml: companies with their billing account, customers, subscriptions, invoices,
 * licenses and mail log. Dates are {@link SeedDay} notations. Secrets are not in it: they are made at seed time.
 */
record SandboxSeed(List<String> undeliverableMailDomains, List<Company> companies) {
    /** The copy of config/sandbox-seed.yaml the build puts on the class path. */
    static final String BUNDLED = "/sandbox/sandbox-seed.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    SandboxSeed {
        undeliverableMailDomains = undeliverableMailDomains == null ? List.of() : List.copyOf(undeliverableMailDomains);
        companies = companies == null ? List.of() : List.copyOf(companies);
    }

    /** Reads {@code file}, or the bundled seed when it is null. */
    static SandboxSeed load(Path file) {
        try (InputStream in = file == null ? SandboxSeed.class.getResourceAsStream(BUNDLED) : Files.newInputStream(file)) {
            if (in == null) throw new IllegalStateException("the bundled sandbox seed " + BUNDLED + " is missing from the build");
            return YAML.readValue(in, SandboxSeed.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the sandbox seed " + (file == null ? BUNDLED : file) + ": "
                    + e.getMessage(), e);
        }
    }

    record Company(
            String name,
            Account billingAccount,
            List<SeedCustomer> customers,
            List<SeedSubscription> subscriptions,
            List<SeedInvoice> invoices,
            List<SeedLicense> licenses,
            List<SeedMail> mailLog) {

        Company {
            customers = customers == null ? List.of() : customers;
            subscriptions = subscriptions == null ? List.of() : subscriptions;
            invoices = invoices == null ? List.of() : invoices;
            licenses = licenses == null ? List.of() : licenses;
            mailLog = mailLog == null ? List.of() : mailLog;
        }
    }

    /** {@code reseller} names the reseller and the Zuora id of its invoice-owner account (another seeded account). */
    record Account(long id, String zuoraAccountId, Contact soldTo, Contact billTo, Reseller reseller) {}

    record Reseller(String name, String invoiceOwnerAccountId) {}

    /** A customer; {@code history} lists the changes after its creation. */
    record SeedCustomer(
            long id,
            String firstName,
            String lastName,
            String email,
            boolean loginActivated,
            Long uid,
            boolean member,
            String created,
            List<SeedChange> history) {

        SeedCustomer {
            history = history == null ? List.of() : history;
        }
    }

    record SeedChange(String at, Map<String, HistoryEntry.Change> changes) {}

    record SeedSubscription(
            String name,
            Deployment deployment,
            String namespace,
            String plan,
            int seats,
            String start,
            String end,
            SeedCloudActivation cloudActivation) {}

    /** Present for cloud licensing; no instance activations means the code is unused. */
    record SeedCloudActivation(List<SeedInstance> instanceActivations) {
        SeedCloudActivation {
            instanceActivations = instanceActivations == null ? List.of() : instanceActivations;
        }
    }

    record SeedInstance(String instanceId, String hostname, String activatedAt) {}

    record SeedInvoice(String number, String date, BigDecimal amount) {}

    record SeedLicense(
            long id,
            String subscription,
            String licenseeName,
            String licenseeEmail,
            String plan,
            int usersCount,
            int trueUpCount,
            String issuedAt,
            String startsAt,
            String expiresAt,
            boolean trial,
            LicenseKind kind,
            List<SeedHostname> hostnames) {

        SeedLicense {
            hostnames = hostnames == null ? List.of() : hostnames;
        }
    }

    record SeedHostname(String hostname, String lastUsagePing) {}

    /** A mail log event; {@code {activation_code}} in the subject becomes the code of {@code activationCodeOf}. */
    record SeedMail(
            String recipient,
            MailDelivery.Status status,
            Integer smtpCode,
            String message,
            String subject,
            String activationCodeOf,
            String at) {}
}
