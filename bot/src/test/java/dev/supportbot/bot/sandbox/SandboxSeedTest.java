package dev.supportbot.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.supportbot.bot.portal.LicenseSearch;
import dev.supportbot.bot.portal.PortalClient;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.CloudActivation;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.Deployment;
import dev.supportbot.workflows.domain.HistoryEntry;
import dev.supportbot.workflows.domain.Invoice;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.domain.LicenseHostname;
import dev.supportbot.workflows.domain.LicenseKind;
import dev.supportbot.workflows.domain.MailDelivery;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.domain.NamespaceSubscription;
import dev.supportbot.workflows.domain.Subscription;
import dev.supportbot.workflows.redaction.SecretKind;
import dev.supportbot.workflows.redaction.SecretScanner;
import dev.supportbot.workflows.redaction.SecretSpan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed as tests outside this repository rely on it: the five companies, exactly, relative to the seeding day D. */
class SandboxSeedTest extends OneSandboxPerClass {
    @Test
    void acme_is_a_direct_self_managed_purchase_with_a_paid_license_and_an_expired_trial() {
        PortalClient portal = sandbox.client;
        LocalDate d = sandbox.d();

        BillingAccount acme = portal.findBillingAccountByZuoraId("A00001001").orElseThrow();
        assertThat(acme.company()).isEqualTo("Acme Corp");
        assertThat(acme.boughtThroughReseller()).isFalse();
        assertThat(contact(acme.soldTo())).isEqualTo("Pat Lee <pat@acme.example>");
        assertThat(contact(acme.billTo())).isEqualTo("Bo Chan <billing@acme.example>");

        Customer pat = portal.findCustomerByEmail("pat@acme.example").orElseThrow();
        assertThat(pat.loginActivated()).isTrue();
        assertThat(pat.uid()).isEqualTo(5001L);
        assertThat(portal.membershipsOfCustomer(pat.id())).extracting(Membership::billingAccountId).containsExactly(acme.id());
        Customer sam = portal.findCustomerByEmail("sam@acme.example").orElseThrow();
        assertThat(sam.loginActivated()).isTrue();
        assertThat(sam.uid()).isNull();
        assertThat(portal.membershipsOfCustomer(sam.id())).isEmpty();
        assertThat(portal.findCustomerByEmail("billing@acme.example")).isEmpty();

        assertThat(portal.subscription("A-S00001001")).isEqualTo(new Subscription("A-S00001001", acme.id(), "A00001001",
                Deployment.SELF_MANAGED, null, "Premium", 50, d.minusDays(300), d.plusDays(65), false));
        assertThat(portal.invoicesOfBillingAccount(acme.id())).extracting(Invoice::number, Invoice::date).containsExactly(
                tuple("INV-1001-A", d.minusDays(300)),
                tuple("INV-0901-A", d.minusDays(500)));

        List<License> licenses = portal.searchLicenses(LicenseSearch.byEmail("pat@acme.example"));
        assertThat(licenses).hasSize(2);
        License paid = licenses.stream().filter(l -> !l.trial()).findFirst().orElseThrow();
        assertThat(paid).isEqualTo(new License(paid.id(), "A-S00001001", "Pat Lee", "pat@acme.example", "Acme Corp", "Premium",
                50, 0, d.minusDays(301), d.minusDays(300), d.plusDays(65), false, LicenseKind.LEGACY_FILE));
        assertThat(paid.activeOn(d)).isTrue();
        assertThat(portal.licenseHostnames(paid.id())).containsExactly(
                new LicenseHostname("gitlab.acme.example", d.minusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC)));
        License trial = licenses.stream().filter(License::trial).findFirst().orElseThrow();
        assertThat(trial.startsAt()).isEqualTo(d.minusDays(420));
        assertThat(trial.expiresAt()).isEqualTo(d.minusDays(390));
        assertThat(trial.usersCount()).isEqualTo(100);
        assertThat(trial.activeOn(d)).isFalse();
    }

    @Test
    void globex_bought_through_resellerone_and_its_cloud_activation_code_is_unused() {
        PortalClient portal = sandbox.client;

        BillingAccount globex = portal.findBillingAccountByZuoraId("A00002001").orElseThrow();
        assertThat(globex.reseller()).isEqualTo(new BillingAccount.Reseller("Resellerone", "A00009001",
                "orders@resellerone.example"));
        assertThat(globex.soldTo().email()).isEqualTo("rita@globex.example");
        Subscription subscription = portal.subscription("A-S00002001");
        assertThat(subscription.deployment()).isEqualTo(Deployment.SELF_MANAGED);
        assertThat(subscription.plan()).isEqualTo("Ultimate");
        assertThat(subscription.seats()).isEqualTo(25);
        assertThat(subscription.reseller()).isTrue();
        assertThat(portal.cloudActivation("A-S00002001").codeUnused()).isTrue();
        assertThat(portal.searchLicenses(LicenseSearch.byEmail("rita@globex.example")))
                .singleElement().extracting(License::kind).isEqualTo(LicenseKind.CLOUD);
    }

    @Test
    void initech_is_saas_and_miltons_login_was_switched_off_after_his_creation() {
        PortalClient portal = sandbox.client;
        LocalDate d = sandbox.d();

        BillingAccount initech = portal.findBillingAccountByZuoraId("A00003001").orElseThrow();
        assertThat(contact(initech.soldTo())).isEqualTo("Bill Lumbergh <bill@initech.example>");
        assertThat(portal.subscriptionsOfBillingAccount(initech.id())).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("A-S00003001");
            assertThat(s.isSaas()).isTrue();
            assertThat(s.namespace()).isEqualTo("initech");
            assertThat(s.plan()).isEqualTo("Ultimate");
            assertThat(s.seats()).isEqualTo(20);
        });
        Subscription saas = portal.subscription("A-S00003001");
        assertThat(portal.namespaceSubscription("initech"))
                .isEqualTo(new NamespaceSubscription("initech", "ultimate", 20, saas.startDate(), saas.endDate()));
        assertThat(portal.findCustomerByEmail("bill@initech.example").orElseThrow().uid()).isEqualTo(7001L);

        Customer milton = portal.findCustomerByEmail("milton@initech.example").orElseThrow();
        assertThat(milton.loginActivated()).isFalse();
        List<HistoryEntry> history = portal.customerHistory(milton.id());
        assertThat(history.get(0).isCreate()).isTrue();
        assertThat(history.get(0).changes().get("login_activated").to()).isEqualTo("true");
        HistoryEntry switchedOff = history.get(history.size() - 1);
        assertThat(switchedOff.action()).isEqualTo("update");
        assertThat(switchedOff.changes()).containsEntry("login_activated", new HistoryEntry.Change("true", "false"));
        assertThat(switchedOff.at()).isAfter(history.get(0).at());
        assertThat(switchedOff.at().atZone(ZoneOffset.UTC).toLocalDate()).isEqualTo(d.minusDays(100));
    }

    @Test
    void umbrellas_sold_to_has_the_typo_and_the_activation_code_mail_bounced_with_550() {
        PortalClient portal = sandbox.client;

        BillingAccount umbrella = portal.findBillingAccountByZuoraId("A00004001").orElseThrow();
        assertThat(umbrella.soldTo().email()).isEqualTo("alice@umbrela.example");
        Customer alice = portal.findCustomerByEmail("alice@umbrela.example").orElseThrow();
        assertThat(portal.membershipsOfCustomer(alice.id())).extracting(Membership::billingAccountId)
                .containsExactly(umbrella.id());
        assertThat(portal.findCustomerByEmail("alice@umbrella.example")).isEmpty();
        assertThat(portal.cloudActivation("A-S00004001").codeUnused()).isTrue();

        assertThat(portal.mailDeliveries("alice@umbrela.example")).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(MailDelivery.Status.FAILED);
            assertThat(d.smtpCode()).isEqualTo(550);
            assertThat(d.message()).contains("mailbox unavailable");
            assertThat(d.subject()).contains("activation code").contains(SecretKind.ACTIVATION_CODE.mask());
        });
        // The portal's own log names the code itself; the bot's client scrubbed it (above).
        String rawSubject = sandbox.jdbi().withHandle(h -> h.createQuery(
                "SELECT subject FROM sandbox_mail_delivery WHERE recipient = 'alice@umbrela.example'").mapTo(String.class).one());
        assertThat(rawSubject).contains(sandbox.activationCode("A-S00004001"));
    }

    @Test
    void hoolis_activation_code_was_used_by_one_instance_and_its_mail_was_delivered() {
        PortalClient portal = sandbox.client;

        assertThat(portal.findBillingAccountByZuoraId("A00005001").orElseThrow().soldTo().email())
                .isEqualTo("gavin@hooli.example");
        CloudActivation activation = portal.cloudActivation("A-S00005001");
        assertThat(activation.codeUnused()).isFalse();
        assertThat(activation.instanceActivations()).hasSize(1);
        assertThat(portal.mailDeliveries("gavin@hooli.example")).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(MailDelivery.Status.DELIVERED));
    }

    @Test
    void seeding_again_adds_nothing() {
        long customers = sandbox.count("sandbox_customer");
        long history = sandbox.count("sandbox_customer_history");
        long mails = sandbox.count("sandbox_mail_delivery");
        SandboxSecrets secrets = new SandboxSecrets();
        SandboxSeeder seeder = new SandboxSeeder(SandboxPortal.create(sandbox.clock, secrets), secrets);

        int added = sandbox.jdbi().inTransaction(h -> seeder.seed(h, SandboxSeed.load(null), sandbox.d()));

        assertThat(added).isZero();
        assertThat(sandbox.count("sandbox_customer")).isEqualTo(customers);
        assertThat(sandbox.count("sandbox_customer_history")).isEqualTo(history);
        assertThat(sandbox.count("sandbox_mail_delivery")).isEqualTo(mails);
        assertThat(sandbox.count("sandbox_undeliverable_domain")).isEqualTo(1);
    }

    @Test
    void secrets_are_generated_at_seed_time_and_differ_between_sandboxes() throws Exception {
        String seedFile = Files.readString(Path.of("..", "config", "sandbox-seed.yaml"));
        try (SandboxBot one = SandboxBot.start(); SandboxBot two = SandboxBot.start()) {
            String code = one.activationCode("A-S00002001");
            assertThat(SecretScanner.find(code)).extracting(SecretSpan::kind).containsExactly(SecretKind.ACTIVATION_CODE);
            assertThat(two.activationCode("A-S00002001")).isNotEqualTo(code);

            String license = one.licenseText(1101);
            assertThat(SecretScanner.find(license)).extracting(SecretSpan::kind).containsExactly(SecretKind.LICENSE_KEY);
            assertThat(new String(Base64.getDecoder().decode(license), StandardCharsets.UTF_8))
                    .startsWith("{\"data\":").contains("\"key\":", "\"iv\":");
            assertThat(two.licenseText(1101)).isNotEqualTo(license);
            assertThat(seedFile).doesNotContain(code).doesNotContain(license.substring(0, 40));
        }
    }

    private static String contact(Contact c) {
        return c.fullName() + " <" + c.email() + ">";
    }
}
