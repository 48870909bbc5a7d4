package dev.supportbot.bot.portal;

import static dev.supportbot.bot.portal.PortalFixtures.ACTIVATION_CODE;
import static dev.supportbot.bot.portal.PortalFixtures.LICENSE_TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.portal.PortalCalls.Call;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.CloudActivation;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.ContactRole;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.Deployment;
import dev.supportbot.workflows.domain.HistoryEntry;
import dev.supportbot.workflows.domain.Invoice;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.domain.LicenseHostname;
import dev.supportbot.workflows.domain.LicenseKind;
import dev.supportbot.workflows.domain.LicenseValidation;
import dev.supportbot.workflows.domain.MailDelivery;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.domain.NamespaceSubscription;
import dev.supportbot.workflows.domain.SignInLink;
import dev.supportbot.workflows.domain.Subscription;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockserver.model.HttpRequest;

/** Each call of the client against MockServer: the request it makes, and what it makes of the documented answer. */
class PortalClientCallsTest {
    private static MockPortal portal;
    private PortalClient client;

    @BeforeAll
    static void startPortal() {
        portal = new MockPortal();
    }

    @AfterAll
    static void stopPortal() {
        portal.close();
    }

    @BeforeEach
    void reset() {
        portal.reset();
        client = portal.client().build();
    }

    static List<Call> changes() {
        return PortalCalls.all().stream().filter(Call::changes).toList();
    }

    static List<Call> lookups() {
        return PortalCalls.all().stream().filter(call -> !call.changes()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void a_change_sends_the_token_and_the_callers_idempotency_key(Call call) {
        portal.answer(call.method(), call.path(), call.status(), call.answer());

        call.invoke().accept(client);

        HttpRequest sent = portal.onlyRequest();
        assertThat(sent.getMethod().getValue()).isEqualTo(call.method());
        assertThat(sent.getFirstHeader("Authorization")).isEqualTo("Bearer " + MockPortal.TOKEN);
        assertThat(sent.getFirstHeader("Idempotency-Key")).isEqualTo(PortalCalls.KEY.value());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookups")
    void a_lookup_sends_the_token_and_no_idempotency_key(Call call) {
        portal.answer(call.method(), call.path(), call.status(), call.answer());

        call.invoke().accept(client);

        HttpRequest sent = portal.onlyRequest();
        assertThat(sent.getMethod().getValue()).isEqualTo(call.method());
        assertThat(sent.getFirstHeader("Authorization")).isEqualTo("Bearer " + MockPortal.TOKEN);
        assertThat(sent.containsHeader("Idempotency-Key")).isFalse();
    }

    @Test
    void a_change_without_an_idempotency_key_is_refused_before_anything_is_sent() {
        assertThatThrownBy(() -> client.createMembership(1101, 1001, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idempotency key");
        assertThat(portal.requests()).isEmpty();
    }

    @Test
    void without_a_token_no_authorization_header_is_sent() {
        portal.answer("GET", "/customers/1101", 200, PortalFixtures.CUSTOMER);

        portal.client().token(null).build().customer(1101);

        assertThat(portal.onlyRequest().containsHeader("Authorization")).isFalse();
    }

    @Test
    void find_customer_by_email_queries_the_email_and_reads_the_customer() {
        portal.answer("GET", "/customers", 200, PortalFixtures.list(PortalFixtures.CUSTOMER));

        assertThat(client.findCustomerByEmail("pat@acme.example"))
                .contains(new Customer(1101, "Pat", "Lee", "pat@acme.example", "Acme Corp", true, 5001L));
        assertThat(portal.onlyRequest().getFirstQueryStringParameter("email")).isEqualTo("pat@acme.example");
    }

    @Test
    void find_customer_by_email_is_empty_when_the_portal_finds_none() {
        portal.answer("GET", "/customers", 200, "[]");

        assertThat(client.findCustomerByEmail("nobody@example.com")).isEmpty();
    }

    @Test
    void customer_history_reads_actions_changes_and_times() {
        portal.answer("GET", "/customers/1302/history", 200, PortalFixtures.list(PortalFixtures.HISTORY_ENTRY));

        assertThat(client.customerHistory(1302)).containsExactly(new HistoryEntry(9, "update",
                Map.of("login_activated", new HistoryEntry.Change("true", "false")),
                Instant.parse("2026-08-14T16:45:00Z")));
    }

    @Test
    void update_customer_sends_only_the_fields_to_change() throws IOException {
        portal.answer("PATCH", "/customers/1101", 200, PortalFixtures.CUSTOMER);

        client.updateCustomer(1101, CustomerUpdate.save().withName("Ann", "Lee").withConfirmedEmail("ann@acme.example"),
                PortalCalls.KEY);

        assertThat(body(portal.onlyRequest())).isEqualTo(PortalJson.MAPPER.readTree("""
                {"first_name": "Ann", "last_name": "Lee", "email": "ann@acme.example", "skip_email_confirmation": true}"""));
    }

    @Test
    void saving_a_customer_unchanged_sends_an_empty_object() throws IOException {
        portal.answer("PATCH", "/customers/1101", 200, PortalFixtures.CUSTOMER);

        client.updateCustomer(1101, CustomerUpdate.save(), PortalCalls.KEY);

        assertThat(body(portal.onlyRequest())).isEqualTo(PortalJson.MAPPER.readTree("{}"));
    }

    @Test
    void unlink_and_sign_in_link_are_posts_without_a_body() {
        portal.answer("POST", "/customers/1101/gitlab-account/unlink", 200, PortalFixtures.CUSTOMER.replace("5001", "null"));
        portal.answer("POST", "/customers/1101/sign-in-links", 201, PortalFixtures.SIGN_IN_LINK);

        assertThat(client.unlinkGitLabAccount(1101, PortalCalls.KEY).uid()).isNull();
        assertThat(client.sendSignInLink(1101, PortalCalls.KEY))
                .isEqualTo(new SignInLink(1101, "pat@acme.example", Instant.parse("2026-11-23T10:00:00Z")));
        assertThat(portal.requests()).allSatisfy(r -> assertThat(r.getBodyAsString()).isNullOrEmpty());
    }

    @Test
    void billing_account_reads_contacts_and_the_reseller() {
        portal.answer("GET", "/billing-accounts/1002", 200, PortalFixtures.BILLING_ACCOUNT);

        BillingAccount account = client.billingAccount(1002);

        assertThat(account.zuoraAccountId()).isEqualTo("A00002001");
        assertThat(account.soldTo()).isEqualTo(new Contact("Rita", "Ortega", "rita@globex.example", "200 Globex Plaza"));
        assertThat(account.billTo().email()).isEqualTo("billing@globex.example");
        assertThat(account.reseller())
                .isEqualTo(new BillingAccount.Reseller("Resellerone", "A00009001", "orders@resellerone.example"));
    }

    @Test
    void billing_account_by_zuora_id_queries_it_and_is_empty_when_none() {
        portal.answer("GET", "/billing-accounts", 200, "[]");

        assertThat(client.findBillingAccountByZuoraId("A00000000")).isEmpty();
        assertThat(portal.onlyRequest().getFirstQueryStringParameter("zuora_account_id")).isEqualTo("A00000000");
    }

    @Test
    void update_contact_sends_the_role_and_the_contact() throws IOException {
        portal.answer("PUT", "/billing-accounts/1002/contacts", 200, PortalFixtures.BILLING_ACCOUNT);

        client.updateContact(1002, ContactRole.BOTH, new Contact("Rita", "Ortega", "rita@globex.example", "Plaza 2"),
                PortalCalls.KEY);

        HttpRequest sent = portal.onlyRequest();
        assertThat(sent.getFirstHeader("Content-Type")).startsWith("application/json");
        assertThat(body(sent)).isEqualTo(PortalJson.MAPPER.readTree("""
                {"role": "BOTH", "contact": {"first_name": "Rita", "last_name": "Ortega", "email": "rita@globex.example",
                 "address": "Plaza 2"}}"""));
    }

    @Test
    void memberships_are_read_by_customer_and_by_billing_account_and_created_with_both_ids() throws IOException {
        portal.answer("GET", "/customers/1101/memberships", 200, PortalFixtures.list(PortalFixtures.MEMBERSHIP));
        portal.answer("GET", "/billing-accounts/1001/memberships", 200, PortalFixtures.list(PortalFixtures.MEMBERSHIP));
        portal.answer("POST", "/memberships", 201, PortalFixtures.MEMBERSHIP);

        assertThat(client.membershipsOfCustomer(1101)).containsExactly(new Membership(7, 1101, 1001));
        assertThat(client.membershipsOfBillingAccount(1001)).containsExactly(new Membership(7, 1101, 1001));
        assertThat(client.createMembership(1101, 1001, PortalCalls.KEY)).isEqualTo(new Membership(7, 1101, 1001));
        assertThat(body(portal.requests().get(2)))
                .isEqualTo(PortalJson.MAPPER.readTree("{\"customer_id\": 1101, \"billing_account_id\": 1001}"));
    }

    @Test
    void delete_membership_accepts_no_content() {
        portal.answer("DELETE", "/memberships/7", 204, "");

        client.deleteMembership(7, PortalCalls.KEY);

        assertThat(portal.onlyRequest().getMethod().getValue()).isEqualTo("DELETE");
    }

    @Test
    void subscriptions_are_read_by_name_and_by_billing_account() {
        portal.answer("GET", "/subscriptions/A-S00003001", 200, PortalFixtures.SUBSCRIPTION);
        portal.answer("GET", "/billing-accounts/1003/subscriptions", 200, PortalFixtures.list(PortalFixtures.SUBSCRIPTION));

        Subscription expected = new Subscription("A-S00003001", 1003, "A00003001", Deployment.SAAS, "initech", "Ultimate", 20,
                LocalDate.parse("2026-05-06"), LocalDate.parse("2027-05-05"), false);
        assertThat(client.subscription("A-S00003001")).isEqualTo(expected);
        assertThat(client.subscriptionsOfBillingAccount(1003)).containsExactly(expected);
    }

    @Test
    void path_parameters_are_encoded() {
        portal.answer("GET", "/subscriptions/odd%20name%2Fx", 200, PortalFixtures.SUBSCRIPTION);

        client.subscription("odd name/x");

        assertThat(portal.onlyRequest().getPath().getValue()).isEqualTo(MockPortal.API + "/subscriptions/odd%20name%2Fx");
    }

    @Test
    void invoices_are_read_by_billing_account_and_by_number() {
        portal.answer("GET", "/billing-accounts/1001/invoices", 200, PortalFixtures.list(PortalFixtures.INVOICE));
        portal.answer("GET", "/invoices/INV-1001-A", 200, PortalFixtures.INVOICE);

        Invoice expected = new Invoice("INV-1001-A", 1001, LocalDate.parse("2026-01-26"), new BigDecimal("14250.00"));
        assertThat(client.invoicesOfBillingAccount(1001)).containsExactly(expected);
        assertThat(client.invoice("INV-1001-A")).isEqualTo(expected);
    }

    @Test
    void license_search_sends_only_the_given_criteria() {
        portal.answer("GET", "/licenses", 200, PortalFixtures.list(PortalFixtures.LICENSE));

        List<License> found = client.searchLicenses(new LicenseSearch("Pat Lee", null, "Acme Corp"));

        assertThat(found).extracting(License::id, License::kind).containsExactly(tuple(1101L,
                LicenseKind.LEGACY_FILE));
        HttpRequest sent = portal.onlyRequest();
        assertThat(sent.getFirstQueryStringParameter("name")).isEqualTo("Pat Lee");
        assertThat(sent.getFirstQueryStringParameter("company")).isEqualTo("Acme Corp");
        assertThat(sent.getQueryStringParameterList()).extracting(p -> p.getName().getValue()).containsExactlyInAnyOrder("name", "company");
    }

    @Test
    void license_and_its_hostnames_are_read() {
        portal.answer("GET", "/licenses/1101", 200, PortalFixtures.LICENSE);
        portal.answer("GET", "/licenses/1101/hostnames", 200, PortalFixtures.list(PortalFixtures.HOSTNAME));

        License license = client.license(1101);
        assertThat(license.usersCount()).isEqualTo(50);
        assertThat(license.expiresAt()).isEqualTo(LocalDate.parse("2027-01-26"));
        assertThat(client.licenseHostnames(1101))
                .containsExactly(new LicenseHostname("gitlab.acme.example", Instant.parse("2026-11-20T00:00:00Z")));
    }

    @Test
    void duplicate_license_sends_only_the_overrides() throws IOException {
        portal.answer("POST", "/licenses/1101/duplicates", 201, PortalFixtures.LICENSE);

        client.duplicateLicense(1101, LicenseOverrides.trueUp(12), PortalCalls.KEY);

        assertThat(body(portal.onlyRequest())).isEqualTo(PortalJson.MAPPER.readTree("{\"true_up_count\": 12}"));
    }

    @Test
    void resending_sends_the_address_and_answers_the_delivery_with_the_code_scrubbed_from_its_subject() throws IOException {
        portal.answer("POST", "/subscriptions/A-S00004001/cloud-activation/resend", 202, PortalFixtures.MAIL_DELIVERY);
        portal.answer("POST", "/licenses/1101/resend", 202, PortalFixtures.MAIL_DELIVERY);

        MailDelivery code = client.resendActivationCode("A-S00004001", "alice@umbrella.example", PortalCalls.KEY);
        MailDelivery file = client.resendLicense(1101, "pat@acme.example", PortalCalls.KEY);

        assertThat(body(portal.requests().get(0))).isEqualTo(PortalJson.MAPPER.readTree("{\"email\": \"alice@umbrella.example\"}"));
        assertThat(body(portal.requests().get(1))).isEqualTo(PortalJson.MAPPER.readTree("{\"email\": \"pat@acme.example\"}"));
        assertThat(List.of(code, file)).allSatisfy(d -> {
            assertThat(d.subject()).isEqualTo("Your GitLab activation code: [REDACTED activation code]");
            assertThat(d.smtpCode()).isEqualTo(550);
        });
    }

    @Test
    void cloud_activation_keeps_the_instance_activations_but_not_the_code() {
        portal.answer("GET", "/subscriptions/A-S00005001/cloud-activation", 200, PortalFixtures.CLOUD_ACTIVATION);

        CloudActivation activation = client.cloudActivation("A-S00005001");

        assertThat(activation.codeUnused()).isFalse();
        assertThat(activation.instanceActivations()).extracting(CloudActivation.InstanceActivation::hostname)
                .containsExactly("gitlab.hooli.example");
        assertThat(activation.toString()).doesNotContain(ACTIVATION_CODE);
    }

    @Test
    void validate_license_posts_the_text_without_an_idempotency_key() throws IOException {
        portal.answer("POST", "/licenses/validate", 200, PortalFixtures.VALIDATION);

        LicenseValidation validation = client.validateLicense(LICENSE_TEXT);

        assertThat(validation.valid()).isTrue();
        assertThat(validation.subscriptionName()).isEqualTo("A-S00001001");
        assertThat(validation.usersCount()).isEqualTo(50);
        HttpRequest sent = portal.onlyRequest();
        assertThat(body(sent)).isEqualTo(PortalJson.MAPPER.readTree("{\"license_text\": \"" + LICENSE_TEXT + "\"}"));
        assertThat(sent.containsHeader("Idempotency-Key")).isFalse();
    }

    @Test
    void namespace_subscription_is_read() {
        portal.answer("GET", "/namespaces/initech/gitlab-subscription", 200, PortalFixtures.NAMESPACE);

        assertThat(client.namespaceSubscription("initech")).isEqualTo(new NamespaceSubscription("initech", "ultimate", 20,
                LocalDate.parse("2026-05-06"), LocalDate.parse("2027-05-05")));
    }

    @Test
    void mail_deliveries_query_the_recipient_and_scrub_codes_from_subjects() {
        portal.answer("GET", "/mail-deliveries", 200, PortalFixtures.list(PortalFixtures.MAIL_DELIVERY));

        List<MailDelivery> log = client.mailDeliveries("alice@umbrela.example");

        assertThat(portal.onlyRequest().getFirstQueryStringParameter("recipient")).isEqualTo("alice@umbrela.example");
        assertThat(log).singleElement().satisfies(d -> {
            assertThat(d.failed()).isTrue();
            assertThat(d.message()).isEqualTo("5.1.1 mailbox unavailable");
            assertThat(d.subject()).doesNotContain(ACTIVATION_CODE).contains("[REDACTED activation code]");
        });
    }

    private static JsonNode body(HttpRequest request) throws IOException {
        return PortalJson.MAPPER.readTree(request.getBodyAsString());
    }
}
