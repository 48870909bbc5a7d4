package dev.supportbot.workflows.licenses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.domain.Deployment;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.domain.LicenseKind;
import dev.supportbot.workflows.domain.Subscription;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Handbook (LicenseDot Access and Use): "GitLab Plan: ensure the plan that's listed here is the one they bought". The
 * license's plan against its subscription's: the same plan in other spelling agrees; another plan, or none, does not.
 */
class LicensePlanTest {
    static final LocalDate D = LocalDate.parse("2026-12-01");

    @ParameterizedTest(name = "license {0}, subscription {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            Premium   | Premium     | the license's plan, Premium, is the plan of subscription A-S00006001
            premium   | PREMIUM     | the license's plan, premium, is the plan of subscription A-S00006001
            Ultimate  | ultimate    | the license's plan, Ultimate, is the plan of subscription A-S00006001
            Premium   | Ultimate    | the license's plan, Premium, differs from the plan of subscription A-S00006001, Ultimate
            Ultimate  | Premium     | the license's plan, Ultimate, differs from the plan of subscription A-S00006001, Premium
            Starter   | Premium     | the license's plan, Starter, differs from the plan of subscription A-S00006001, Premium
            Premium   | null        | subscription A-S00006001 names no plan to check the license's plan, Premium, against
            """)
    void compares_the_licenses_plan_with_the_subscriptions(String licensePlan, String subscriptionPlan, String expected) {
        assertThat(LicensePlan.check(license(licensePlan), subscription(subscriptionPlan)).words()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "license {0}, subscription {1} agrees: {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            Premium  | Premium  | true
            Premium  | Ultimate | false
            Premium  | null     | false
            """)
    void agrees_only_on_the_same_plan(String licensePlan, String subscriptionPlan, boolean agrees) {
        assertThat(LicensePlan.check(license(licensePlan), subscription(subscriptionPlan)).agrees()).isEqualTo(agrees);
    }

    private static License license(String plan) {
        return new License(1605, "A-S00006001", "Art Vandelay", "art@vandelay.example", "Vandelay Industries", plan, 40, 0,
                D, D, D.plusDays(365), false, LicenseKind.LEGACY_FILE);
    }

    private static Subscription subscription(String plan) {
        return new Subscription("A-S00006001", 1006, "A00006001", Deployment.SELF_MANAGED, null, plan, 40, D, D.plusDays(365), false);
    }
}
