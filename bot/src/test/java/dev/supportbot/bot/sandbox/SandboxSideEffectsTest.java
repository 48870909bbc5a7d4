package dev.supportbot.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.portal.CustomerUpdate;
import dev.supportbot.bot.portal.IdempotencyKey;
import dev.supportbot.bot.portal.PortalClient;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.ContactRole;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.HistoryEntry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The real back end's hazards, reproduced: saving a customer rewrites a billing account contact (and replaces the Sold
 * To when none has the customer's old email); a contact email without a customer creates one.
 */
class SandboxSideEffectsTest {
    private final AtomicInteger keys = new AtomicInteger();

    @Test
    void saving_a_member_whose_email_no_contact_has_replaces_the_sold_to_and_saving_the_original_sold_to_last_restores_it() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            PortalClient portal = sandbox.client;
            BillingAccount acme = portal.findBillingAccountByZuoraId("A00001001").orElseThrow();
            Customer sam = portal.findCustomerByEmail("sam@acme.example").orElseThrow();
            Customer pat = portal.findCustomerByEmail("pat@acme.example").orElseThrow();

            portal.createMembership(sam.id(), acme.id(), key());
            assertThat(portal.billingAccount(acme.id()).soldTo().email())
                    .as("creating a membership does not touch the Sold To").isEqualTo("pat@acme.example");

            portal.updateCustomer(sam.id(), CustomerUpdate.save().withLoginActivated(true), key());
            BillingAccount hijacked = portal.billingAccount(acme.id());
            assertThat(hijacked.soldTo()).isEqualTo(new Contact("Sam", "Rivera", "sam@acme.example", acme.soldTo().address()));
            assertThat(hijacked.billTo()).isEqualTo(acme.billTo());

            portal.updateCustomer(pat.id(), CustomerUpdate.save(), key());
            assertThat(portal.billingAccount(acme.id()).soldTo().email()).isEqualTo("pat@acme.example");
        }
    }

    @Test
    void renaming_the_sold_to_customer_renames_the_sold_to_contact_only() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            PortalClient portal = sandbox.client;
            BillingAccount before = portal.findBillingAccountByZuoraId("A00001001").orElseThrow();
            Customer pat = portal.findCustomerByEmail("pat@acme.example").orElseThrow();

            Customer renamed = portal.updateCustomer(pat.id(), CustomerUpdate.save().withName("Patricia", "Lee-Wong"), key());

            assertThat(renamed.fullName()).isEqualTo("Patricia Lee-Wong");
            BillingAccount after = portal.billingAccount(before.id());
            assertThat(after.soldTo()).isEqualTo(new Contact("Patricia", "Lee-Wong", "pat@acme.example", before.soldTo().address()));
            assertThat(after.billTo()).isEqualTo(before.billTo());
            assertThat(portal.customerHistory(pat.id())).last().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo("update");
                assertThat(entry.changes()).containsOnlyKeys("first_name", "last_name")
                        .containsEntry("first_name", new HistoryEntry.Change("Pat", "Patricia"));
            });
        }
    }

    @Test
    void changing_the_sold_to_customers_email_without_confirmation_moves_the_sold_to_contact_along() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            PortalClient portal = sandbox.client;
            Customer alice = portal.findCustomerByEmail("alice@umbrela.example").orElseThrow();

            Customer fixed = portal.updateCustomer(alice.id(), CustomerUpdate.save().withConfirmedEmail("alice@umbrella.example"),
                    key());

            assertThat(fixed.email()).isEqualTo("alice@umbrella.example");
            BillingAccount umbrella = portal.findBillingAccountByZuoraId("A00004001").orElseThrow();
            assertThat(umbrella.soldTo().email()).isEqualTo("alice@umbrella.example");
            assertThat(umbrella.billTo().email()).isEqualTo("alice@umbrella.example");
            assertThat(portal.findCustomerByEmail("alice@umbrela.example")).isEmpty();
            assertThat(portal.customerHistory(alice.id())).last().extracting(HistoryEntry::changes)
                    .isEqualTo(Map.of("email", new HistoryEntry.Change("alice@umbrela.example", "alice@umbrella.example")));
        }
    }

    @Test
    void an_email_change_that_needs_confirmation_leaves_the_email_and_mails_the_new_address() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            PortalClient portal = sandbox.client;
            Customer alice = portal.findCustomerByEmail("alice@umbrela.example").orElseThrow();

            Customer saved = portal.updateCustomer(alice.id(),
                    CustomerUpdate.save().withUnconfirmedEmail("alice@umbrella.example"), key());

            assertThat(saved.email()).isEqualTo("alice@umbrela.example");
            assertThat(portal.findBillingAccountByZuoraId("A00004001").orElseThrow().soldTo().email())
                    .isEqualTo("alice@umbrela.example");
            assertThat(portal.customerHistory(alice.id())).last().extracting(HistoryEntry::changes)
                    .isEqualTo(Map.of("unconfirmed_email", new HistoryEntry.Change(null, "alice@umbrella.example")));
            assertThat(portal.mailDeliveries("alice@umbrella.example")).singleElement()
                    .satisfies(d -> assertThat(d.subject()).isEqualTo("Confirmation instructions"));
        }
    }

    @Test
    void saving_a_member_whose_email_is_the_bill_to_updates_the_bill_to_and_keeps_the_sold_to() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            PortalClient portal = sandbox.client;
            BillingAccount acme = portal.findBillingAccountByZuoraId("A00001001").orElseThrow();
            portal.updateContact(acme.id(), ContactRole.BILL_TO, new Contact("Ana", "Paz", "ap@acme.example", null), key());
            Customer ana = portal.findCustomerByEmail("ap@acme.example").orElseThrow();
            portal.createMembership(ana.id(), acme.id(), key());

            portal.updateCustomer(ana.id(), CustomerUpdate.save().withName("Ana", "Paz-Ortiz"), key());

            BillingAccount after = portal.billingAccount(acme.id());
            assertThat(after.billTo().fullName()).isEqualTo("Ana Paz-Ortiz");
            assertThat(after.soldTo()).isEqualTo(acme.soldTo());
        }
    }

    @Test
    void setting_a_contact_to_an_email_without_a_customer_creates_that_customer() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            PortalClient portal = sandbox.client;
            BillingAccount initech = portal.findBillingAccountByZuoraId("A00003001").orElseThrow();

            BillingAccount after = portal.updateContact(initech.id(), ContactRole.SOLD_TO,
                    new Contact("Peter", "Gibbons", "Peter@Initech.example", "4120 Freidrich Lane"), key());

            assertThat(after.soldTo()).isEqualTo(new Contact("Peter", "Gibbons", "peter@initech.example", "4120 Freidrich Lane"));
            assertThat(after.billTo().email()).isEqualTo("bill@initech.example");
            Customer peter = portal.findCustomerByEmail("peter@initech.example").orElseThrow();
            assertThat(peter.company()).isEqualTo("Initech");
            assertThat(peter.id()).isGreaterThanOrEqualTo(100_000);
            assertThat(portal.membershipsOfCustomer(peter.id())).isEmpty();
            List<HistoryEntry> history = portal.customerHistory(peter.id());
            assertThat(history).singleElement().satisfies(entry -> {
                assertThat(entry.isCreate()).isTrue();
                assertThat(entry.changes()).containsEntry("email", new HistoryEntry.Change(null, "peter@initech.example"));
            });
        }
    }

    @Test
    void setting_both_contacts_to_an_existing_customers_email_creates_no_customer() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            PortalClient portal = sandbox.client;
            BillingAccount acme = portal.findBillingAccountByZuoraId("A00001001").orElseThrow();
            long customers = sandbox.count("sandbox_customer");

            BillingAccount after = portal.updateContact(acme.id(), ContactRole.BOTH,
                    new Contact("Sam", "Rivera", "sam@acme.example", null), key());

            assertThat(after.soldTo().email()).isEqualTo("sam@acme.example");
            assertThat(after.billTo().email()).isEqualTo("sam@acme.example");
            assertThat(sandbox.count("sandbox_customer")).isEqualTo(customers);
        }
    }

    private IdempotencyKey key() {
        return IdempotencyKey.of("side-effects-" + keys.incrementAndGet());
    }
}
