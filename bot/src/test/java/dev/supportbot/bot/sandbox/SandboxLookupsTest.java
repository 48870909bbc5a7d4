package dev.supportbot.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.bot.portal.LicenseSearch;
import dev.supportbot.bot.portal.PortalClient;
import dev.supportbot.bot.portal.PortalException;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.domain.LicenseValidation;
import dev.supportbot.workflows.domain.Membership;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The sandbox's look-ups through the bot's client: search semantics, license validation, and 404s. */
class SandboxLookupsTest extends OneSandboxPerClass {
    @Test
    void licenses_are_found_by_name_or_company_substring_any_case_and_by_exact_email() {
        PortalClient portal = sandbox.client;

        assertThat(ids(portal.searchLicenses(LicenseSearch.byName("pat lee")))).containsExactly(1101L, 1102L);
        assertThat(ids(portal.searchLicenses(LicenseSearch.byCompany("ACME")))).containsExactly(1101L, 1102L);
        assertThat(ids(portal.searchLicenses(LicenseSearch.byCompany("um")))).containsExactly(1401L);
        assertThat(ids(portal.searchLicenses(LicenseSearch.byEmail("Gavin@Hooli.example")))).containsExactly(1501L);
        assertThat(portal.searchLicenses(LicenseSearch.byEmail("hooli.example"))).isEmpty();
        assertThat(portal.searchLicenses(LicenseSearch.byCompany("%"))).isEmpty();
        assertThat(ids(portal.searchLicenses(new LicenseSearch("rita", null, "globex")))).containsExactly(1201L);
        assertThat(portal.searchLicenses(new LicenseSearch("rita", null, "acme"))).isEmpty();
    }

    @Test
    void a_search_without_criteria_is_refused() {
        HttpResponse<String> response = sandbox.send("GET", "/licenses", null);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":422", "\"title\":\"Unprocessable Entity\"",
                "\"type\":\"urn:problem:portal:validation\"", "name, email or company");
    }

    @Test
    void a_pasted_license_text_is_recognised_despite_line_breaks() {
        String text = sandbox.licenseText(1101);
        String pasted = "\n" + String.join("\r\n", text.split("(?<=\\G.{60})")) + "\n";

        LicenseValidation validation = sandbox.client.validateLicense(pasted);

        License license = sandbox.client.license(1101);
        assertThat(validation).isEqualTo(new LicenseValidation(true, null, "A-S00001001", "pat@acme.example", "Premium", 50,
                license.startsAt(), license.expiresAt()));
    }

    @Test
    void texts_that_are_not_licenses_of_this_portal_are_invalid_with_a_reason() {
        PortalClient portal = sandbox.client;
        String foreign = Base64.getEncoder().encodeToString(
                "{\"data\":\"c29tZQ==\",\"key\":\"a2V5\",\"iv\":\"aXY=\"}".getBytes(StandardCharsets.UTF_8));
        String notALicense = Base64.getEncoder().encodeToString("{\"hello\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(portal.validateLicense(foreign)).satisfies(invalid("not issued by this portal"));
        assertThat(portal.validateLicense(notALicense)).satisfies(invalid("not a license file"));
        assertThat(portal.validateLicense("screenshot.png attached!")).satisfies(invalid("not base64"));
    }

    @Test
    void unknown_entities_are_not_found() {
        PortalClient portal = sandbox.client;

        assertThat(portal.findCustomerByEmail("nobody@example.com")).isEmpty();
        assertThat(portal.findBillingAccountByZuoraId("A99999999")).isEmpty();
        assertThat(portal.mailDeliveries("nobody@example.com")).isEmpty();
        List<Runnable> lookups = List.of(
                () -> portal.customer(999),
                () -> portal.customerHistory(999),
                () -> portal.membershipsOfCustomer(999),
                () -> portal.billingAccount(999),
                () -> portal.membershipsOfBillingAccount(999),
                () -> portal.subscriptionsOfBillingAccount(999),
                () -> portal.invoicesOfBillingAccount(999),
                () -> portal.subscription("A-S99999999"),
                () -> portal.invoice("INV-NOPE"),
                () -> portal.license(999),
                () -> portal.licenseHostnames(999),
                () -> portal.cloudActivation("A-S00001001"),
                () -> portal.namespaceSubscription("no-such-group"));
        assertThat(lookups).allSatisfy(lookup -> assertThatThrownBy(lookup::run).isInstanceOf(PortalException.NotFound.class));
    }

    @Test
    void a_billing_accounts_memberships_subscriptions_and_invoices_are_its_own() {
        PortalClient portal = sandbox.client;
        long initech = portal.findBillingAccountByZuoraId("A00003001").orElseThrow().id();

        assertThat(portal.membershipsOfBillingAccount(initech)).extracting(Membership::customerId)
                .containsExactly(portal.findCustomerByEmail("bill@initech.example").orElseThrow().id());
        assertThat(portal.invoicesOfBillingAccount(initech)).singleElement()
                .satisfies(i -> assertThat(i.number()).isEqualTo("INV-3001-I"));
        assertThat(portal.invoice("INV-3001-I").billingAccountId()).isEqualTo(initech);
        assertThat(portal.billingAccount(initech).zuoraAccountId()).isEqualTo("A00003001");
    }

    private static List<Long> ids(List<License> licenses) {
        return licenses.stream().map(License::id).toList();
    }

    private static Consumer<LicenseValidation> invalid(String reason) {
        return v -> {
            assertThat(v.valid()).isFalse();
            assertThat(v.error()).contains(reason);
            assertThat(v.subscriptionName()).isNull();
        };
    }
}
