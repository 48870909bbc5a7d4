package dev.supportbot.workflows.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.workflows.domain.Invoice;
import dev.supportbot.workflows.domain.License;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactsTest {
    static final FactRequest.InvoiceByNumber INVOICE = new FactRequest.InvoiceByNumber("INV-1001-A");
    static final Invoice VALUE = new Invoice("INV-1001-A", 10, LocalDate.parse("2025-05-01"), BigDecimal.TEN);

    @Test
    void found_not_found_and_never_asked_are_three_different_answers() {
        FactRequest.InvoiceByNumber missing = new FactRequest.InvoiceByNumber("INV-4040");
        Facts facts = Facts.builder().found(INVOICE, VALUE).notFound(missing).build();

        assertThat(facts.find(new FactRequest.InvoiceByNumber("INV-1001-A"))).contains(VALUE);
        assertThat(facts.find(missing)).isEmpty();
        assertThat(facts.answers(missing)).isTrue();
        assertThat(facts.answers(new FactRequest.InvoiceByNumber("other"))).isFalse();
        assertThatThrownBy(() -> facts.find(new FactRequest.InvoiceByNumber("other")))
                .isInstanceOf(Facts.MissingFactException.class).hasMessageContaining("other");
    }

    @Test
    void put_checks_the_answer_type_and_takes_null_as_not_found() {
        FactRequest<?> wildcard = INVOICE;
        assertThatThrownBy(() -> Facts.builder().put(wildcard, "not an invoice")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Facts.builder().put(wildcard, null).build().find(INVOICE)).isEmpty();
        FactRequest<List<License>> licenses = new FactRequest.LicensesOfSubscription("A-S00012345");
        assertThat(Facts.builder().put(licenses, List.of()).build().find(licenses)).contains(List.of());
    }

    @Test
    void facts_are_immutable_once_built() {
        Facts.Builder builder = Facts.builder().found(INVOICE, VALUE);
        Facts facts = builder.build();
        builder.notFound(new FactRequest.SubscriptionByName("A-S1"));
        assertThat(facts.requests()).containsExactly(INVOICE);
    }
}
