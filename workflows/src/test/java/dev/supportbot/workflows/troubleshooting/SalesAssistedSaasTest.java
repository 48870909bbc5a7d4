package dev.supportbot.workflows.troubleshooting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Handbook (License Troubleshooting, "Troubleshooting sales-assisted transactions for GitLab.com"): a GitLab.com
 * subscription bought through sales that the customer cannot apply to their group. GitLab.com, a subscription or group,
 * and a failure must all be there.
 */
class SalesAssistedSaasTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            We bought GitLab.com Premium through our account manager but I cannot see the subscription on our group. | true
            Our SaaS subscription is not applied to our namespace yet.                                                  | true
            The group on gitlab.com does not show the Ultimate subscription we purchased via sales.                     | true
            How do I apply the subscription we bought to our group on GitLab.com?                                      | true
            I can't find my group when I open the subscription in the portal (GitLab.com).                              | true
            Our GitLab.com subscription isn't linked to the acme group.                                                 | true
            Please renew our GitLab.com subscription for another year.                                                  | false
            Our self-managed license will not register.                                                                 | false
            I cannot see the subscription in the Customers Portal.                                                      | false
            See https://gitlab.com/acme/project/-/issues/1 for the logs.                                                | false
            Our group on gitlab.com is growing; we need 10 more seats.                                                   | false
            """)
    void recognises_the_report(String comment, boolean expected) {
        assertThat(SalesAssistedSaas.mentioned(comment)).isEqualTo(expected);
    }
}
