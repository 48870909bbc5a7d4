package dev.supportbot.workflows.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.domain.NamespaceSubscription;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GitlabSubscriptionJsonTest {

    @Test
    void reads_the_documented_fields_from_a_paste_with_text_around_it() {
        String paste = "Hi, here is the output:\n\n{\n  \"plan\": {\"code\": \"ultimate\", \"name\": \"Ultimate\", \"trial\": false,"
                + " \"auto_renew\": null},\n  \"usage\": {\"seats_in_subscription\": 25, \"seats_in_use\": 12, \"max_seats_used\": 14},\n"
                + "  \"subscription\": {\"start_date\": \"2025-01-01\", \"end_date\": \"2026-01-01\"}\n}\n\nThanks, Carol";
        assertThat(GitlabSubscriptionJson.parse(paste)).contains(new NamespaceSubscription(
                null, "ultimate", 25, LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-01")));
    }

    @Test
    void reads_the_live_api_shape_with_billing_dates_and_a_namespace() {
        String paste = "{\"namespace\":{\"full_path\":\"acme-group\"},\"plan\":{\"code\":\"premium\"},"
                + "\"usage\":{\"seats_in_subscription\":10.0},"
                + "\"billing\":{\"subscription_start_date\":\"2024-03-01\",\"subscription_end_date\":\"2025-03-01\",\"trial_ends_on\":null}}";
        assertThat(GitlabSubscriptionJson.parse(paste)).contains(new NamespaceSubscription(
                "acme-group", "premium", 10, LocalDate.parse("2024-03-01"), LocalDate.parse("2025-03-01")));
    }

    @Test
    void tolerates_curly_quotes_escapes_and_a_stray_brace_before_the_object() {
        String paste = "see {below}: {\u201Cplan\u201D: {\u201Ccode\u201D: \u201Cultimate\u201D, \"name\": \"Ult\\\"imate \\u00e9\"},"
                + " \"usage\": {\"seats_in_subscription\": 5}, \"tags\": [1, -2.5e1, true, null, []]}";
        assertThat(GitlabSubscriptionJson.parse(paste)).hasValueSatisfying(s -> {
            assertThat(s.planCode()).isEqualTo("ultimate");
            assertThat(s.seats()).isEqualTo(5);
            assertThat(s.startDate()).isNull();
        });
    }

    @Test
    void gives_nothing_without_a_plan_code_or_for_broken_json() {
        assertThat(GitlabSubscriptionJson.parse("{\"usage\":{\"seats_in_subscription\":5}}")).isEmpty();
        assertThat(GitlabSubscriptionJson.parse("{\"plan\":{\"code\":\"ultimate\"")).isEmpty();
        assertThat(GitlabSubscriptionJson.parse("no json here")).isEmpty();
        assertThat(GitlabSubscriptionJson.parse(null)).isEmpty();
    }

    @Test
    void unparseable_dates_are_left_empty_not_guessed() {
        assertThat(GitlabSubscriptionJson.parse("{\"plan\":{\"code\":\"ultimate\"},\"subscription\":{\"start_date\":\"01/02/2025\"}}"))
                .hasValueSatisfying(s -> assertThat(s.startDate()).isNull());
    }

    @Test
    void a_string_a_mail_client_broke_over_two_lines_still_reads() {
        NamespaceSubscription read = GitlabSubscriptionJson.parse(
                "{\"plan\": {\"code\": \"ultimate\"}, \"namespace\": {\"full_path\": \"acme-\ncorp\"}}").orElseThrow();
        assertThat(read.planCode()).isEqualTo("ultimate");
        assertThat(read.namespace()).isEqualTo("acme-\ncorp");
    }
}
