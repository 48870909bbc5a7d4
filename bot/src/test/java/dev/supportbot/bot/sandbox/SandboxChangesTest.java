package dev.supportbot.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.bot.portal.CustomerUpdate;
import dev.supportbot.bot.portal.IdempotencyKey;
import dev.supportbot.bot.portal.LicenseOverrides;
import dev.supportbot.bot.portal.PortalClient;
import dev.supportbot.bot.portal.PortalException;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.ContactRole;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.HistoryEntry;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.domain.MailDelivery;
import dev.supportbot.workflows.domain.Membership;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Every change the sandbox portal accepts, through the bot's client, and the rules that refuse changes. */
class SandboxChangesTest {
    private final AtomicInteger keys = new AtomicInteger();

    @Test
    void a_customer_has_at_most_one_membership() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            PortalClient portal = sandbox.client;
            Customer pat = portal.findCustomerByEmail("pat@acme.example").orElseThrow();
            BillingAccount hooli = portal.findBillingAccountByZuoraId("A00005001").orElseThrow();

            assertThatThrownBy(() -> portal.createMembership(pat.id(), hooli.id(), key()))
                    .isInstanceOf(PortalException.Conflict.class)
                    .hasMessageContaining("customer " + pat.id() + " already has a billing account membership");
            assertThat(portal.membershipsOfBillingAccount(hooli.id())).extracting(Membership::customerId).doesNotContain(pat.id());

            Membership current = portal.membershipsOfCustomer(pat.id()).get(0);
            portal.deleteMembership(current.id(), key());
            Membership moved = portal.createMembership(pat.id(), hooli.id(), key());

            assertThat(portal.membershipsOfCustomer(pat.id())).containsExactly(moved);
            assertThat(portal.membershipsOfBillingAccount(current.billingAccountId())).isEmpty();
            assertThat(portal.customerHistory(pat.id())).extracting(e -> e.changes().get("billing_account_membership"))
                    .endsWith(new HistoryEntry.Change("A00001001", null), new HistoryEntry.Change(null, "A00005001"));
        }
    }

    @Test
    void memberships_need_an_existing_customer_and_account_and_only_existing_ones_are_deleted() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            PortalClient portal = sandbox.client;
            Customer sam = portal.findCustomerByEmail("sam@acme.example").orElseThrow();

            assertThatThrownBy(() -> portal.createMembership(999, 1001, key())).isInstanceOf(PortalException.NotFound.class)
                    .hasMessageContaining("customer 999");
            assertThatThrownBy(() -> portal.createMembership(sam.id(), 999, key())).isInstanceOf(PortalException.NotFound.class)
                    .hasMessageContaining("billing account 999");
            assertThatThrownBy(() -> portal.deleteMembership(424242, key())).isInstanceOf(PortalException.NotFound.class);
        }
    }

    @Test
    void an_email_another_customer_has_is_refused_with_the_back_ends_words() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            PortalClient portal = sandbox.client;
            Customer sam = portal.findCustomerByEmail("sam@acme.example").orElseThrow();

            assertThatThrownBy(() -> portal.updateCustomer(sam.id(), CustomerUpdate.save().withConfirmedEmail("PAT@acme.example"),
                    key())).isInstanceOf(PortalException.Conflict.class).hasMessageContaining("Email has already been taken");
            assertThatThrownBy(() -> portal.updateCustomer(sam.id(), CustomerUpdate.save().withConfirmedEmail("not-an-email"),
                    key())).isInstanceOf(PortalException.Rejected.class).hasMessageContaining("email");
            assertThatThrownBy(() -> portal.updateCustomer(sam.id(), CustomerUpdate.save().withName(" ", "Rivera"), key()))
                    .isInstanceOf(PortalException.Rejected.class).hasMessageContaining("first_name");
            assertThat(portal.customer(sam.id())).isEqualTo(sam);
        }
    }

    @Test
    void switching_login_on_is_recorded_in_the_history() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            PortalClient portal = sandbox.client;
            Customer milton = portal.findCustomerByEmail("milton@initech.example").orElseThrow();

            assertThat(portal.updateCustomer(milton.id(), CustomerUpdate.save().withLoginActivated(true), key()).loginActivated())
                    .isTrue();

            assertThat(portal.customerHistory(milton.id())).last().satisfies(entry -> {
                assertThat(entry.changes()).isEqualTo(Map.of("login_activated", new HistoryEntry.Change("false", "true")));
                assertThat(entry.at()).isEqualTo(sandbox.clock.instant());
            });
        }
    }

    @Test
    void unlinking_the_gitlab_account_clears_the_uid_once() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            PortalClient portal = sandbox.client;
            Customer bill = portal.findCustomerByEmail("bill@initech.example").orElseThrow();

            assertThat(portal.unlinkGitLabAccount(bill.id(), key()).uid()).isNull();
            assertThat(portal.customer(bill.id()).hasLinkedAccount()).isFalse();
            assertThat(portal.customerHistory(bill.id())).last().extracting(HistoryEntry::changes)
                    .isEqualTo(Map.of("uid", new HistoryEntry.Change("7001", null)));
            assertThatThrownBy(() -> portal.unlinkGitLabAccount(bill.id(), key())).isInstanceOf(PortalException.Conflict.class)
                    .hasMessageContaining("no linked GitLab.com account");
        }
    }

    @Test
    void a_contact_must_have_names_and_an_email() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            PortalClient portal = sandbox.client;

            assertThatThrownBy(() -> portal.updateContact(1001, ContactRole.SOLD_TO, new Contact("Pat", "", "pat@acme.example",
                    null), key())).isInstanceOf(PortalException.Rejected.class).hasMessageContaining("contact.last_name");
            assertThatThrownBy(() -> portal.updateContact(1001, ContactRole.SOLD_TO, new Contact("Pat", "Lee", "pat", null),
                    key())).isInstanceOf(PortalException.Rejected.class).hasMessageContaining("contact.email");
            assertThatThrownBy(() -> portal.updateContact(999, ContactRole.SOLD_TO, new Contact("A", "B", "a@b.example", null),
                    key())).isInstanceOf(PortalException.NotFound.class);
        }
    }

    @Test
    void a_duplicated_license_has_the_overrides_is_issued_today_and_validates_as_itself() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            PortalClient portal = sandbox.client;
            License original = portal.license(1101);

            License copy = portal.duplicateLicense(1101, LicenseOverrides.trueUp(12), key());

            assertThat(copy.id()).isNotEqualTo(original.id());
            assertThat(copy).isEqualTo(new License(copy.id(), original.subscriptionName(), original.licenseeName(),
                    original.licenseeEmail(), original.licenseeCompany(), original.plan(), original.usersCount(), 12,
                    sandbox.d(), original.startsAt(), original.expiresAt(), false, original.kind()));
            assertThat(portal.license(copy.id())).isEqualTo(copy);
            assertThat(portal.validateLicense(sandbox.licenseText(copy.id())).valid()).isTrue();
            assertThat(sandbox.licenseText(copy.id())).isNotEqualTo(sandbox.licenseText(1101));
        }
    }

    @Test
    void a_duplicate_with_impossible_overrides_is_refused() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            PortalClient portal = sandbox.client;
            LocalDate d = sandbox.d();

            assertThatThrownBy(() -> portal.duplicateLicense(1101, new LicenseOverrides(0, null, null, null), key()))
                    .isInstanceOf(PortalException.Rejected.class).hasMessageContaining("users_count");
            assertThatThrownBy(() -> portal.duplicateLicense(1101, new LicenseOverrides(null, null, d, d.minusDays(1)), key()))
                    .isInstanceOf(PortalException.Rejected.class).hasMessageContaining("expires_at");
            assertThatThrownBy(() -> portal.duplicateLicense(99, LicenseOverrides.trueUp(1), key()))
                    .isInstanceOf(PortalException.NotFound.class);
        }
    }

    @Test
    void resent_mail_is_delivered_except_to_a_mistyped_domain_which_bounces_with_550() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            PortalClient portal = sandbox.client;

            MailDelivery fixed = portal.resendActivationCode("A-S00004001", "alice@umbrella.example", key());
            MailDelivery typo = portal.resendActivationCode("A-S00004001", "alice@umbrela.example", key());
            MailDelivery file = portal.resendLicense(1101, "pat@acme.example", key());

            assertThat(fixed.status()).isEqualTo(MailDelivery.Status.DELIVERED);
            assertThat(fixed.subject()).isEqualTo("Your GitLab activation code: [REDACTED activation code]");
            assertThat(fixed.at()).isEqualTo(sandbox.clock.instant());
            assertThat(typo.status()).isEqualTo(MailDelivery.Status.FAILED);
            assertThat(typo.smtpCode()).isEqualTo(550);
            assertThat(file.subject()).isEqualTo("Your GitLab license file for A-S00001001");
            assertThat(portal.mailDeliveries("alice@umbrella.example")).containsExactly(fixed);
            assertThat(portal.mailDeliveries("alice@umbrela.example")).hasSize(2).first().isEqualTo(typo);
        }
    }

    @Test
    void a_cloud_license_is_resent_by_its_activation_code_not_as_a_file() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            PortalClient portal = sandbox.client;

            assertThatThrownBy(() -> portal.resendLicense(1401, "alice@umbrella.example", key()))
                    .isInstanceOf(PortalException.Rejected.class).hasMessageContaining("activation code");
            assertThatThrownBy(() -> portal.resendActivationCode("A-S00001001", "pat@acme.example", key()))
                    .isInstanceOf(PortalException.NotFound.class).hasMessageContaining("no cloud activation");
            assertThatThrownBy(() -> portal.resendLicense(1101, "pat at acme", key()))
                    .isInstanceOf(PortalException.Rejected.class);
        }
    }

    private IdempotencyKey key() {
        return IdempotencyKey.of("changes-" + keys.incrementAndGet());
    }
}
