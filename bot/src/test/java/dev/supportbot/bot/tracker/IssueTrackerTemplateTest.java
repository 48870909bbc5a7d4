package dev.supportbot.bot.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IssueTrackerTemplateTest {

    @Test
    void missing_fields_read_not_given() {
        String description = EscalationTemplate.standard().description(new OwnershipEscalation(
                42, "https://acme.zendesk.com/agent/tickets/42", null, null, null, null, " ", null));

        assertThat(description).contains("| Subscription | _not given_ |", "| Requester | _not given_ (_not given_) |")
                .doesNotContain("{{");
    }

    @Test
    void a_value_that_looks_like_a_placeholder_is_inserted_as_is() {
        String description = EscalationTemplate.standard().description(new OwnershipEscalation(
                42, "https://acme.zendesk.com/agent/tickets/42", "{{ticket_url}}", null, null, "$1 \\ move", null, null));

        assertThat(description).contains("| Subscription | {{ticket_url}} |", "$1 \\ move");
    }

    @Test
    void an_unknown_placeholder_in_the_template_is_an_error_not_a_silent_gap() {
        assertThatThrownBy(() -> new EscalationTemplate("Ticket {{ticket_id}} for {{customer_id}}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("{{customer_id}}");
    }

    @Test
    void markdown_and_html_in_values_are_inserted_as_written() {
        String description = EscalationTemplate.standard().description(new OwnershipEscalation(
                42, "https://acme.zendesk.com/agent/tickets/42", "A-S00001001", "Sam <Rivera> & Co", "sam@acme.example",
                "make **Sam** the owner", null, null));

        assertThat(description).contains("| Requester | Sam <Rivera> & Co (sam@acme.example) |", "make **Sam** the owner",
                "[#42](https://acme.zendesk.com/agent/tickets/42)");
    }

    @Test
    void a_subscription_not_yet_identified_is_said_in_the_title() {
        assertThat(EscalationTemplate.standard().title(new OwnershipEscalation(
                42, "https://acme.zendesk.com/agent/tickets/42", null, null, null, null, null, null)))
                .isEqualTo("Subscription ownership change escalation: subscription not identified (Zendesk #42)");
    }
}
