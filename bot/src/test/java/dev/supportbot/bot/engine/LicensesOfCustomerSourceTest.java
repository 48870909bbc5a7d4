package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.testing.SandboxPortalBot;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.engine.FactRequest.LicensesOfCustomer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A customer's licenses by email, else by the company of the customer with that email, from the sandbox over HTTP. */
class LicensesOfCustomerSourceTest {

    @Test
    void licenses_by_email_then_by_the_customers_company() {
        try (SandboxPortalBot sandbox = SandboxPortalBot.start()) {
            LicensesOfCustomerSource source = new LicensesOfCustomerSource(() -> sandbox.client);

            assertThat(ids(source.answer(new LicensesOfCustomer("Art@Vandelay.example"), Map.of()))).containsExactly(1605L, 1604L, 1601L);
            // Sam has no license of his own; his customer record's company (Acme Corp) has two.
            assertThat(ids(source.answer(new LicensesOfCustomer("sam@acme.example"), Map.of()))).containsExactly(1101L, 1102L);
            assertThat(ids(source.answer(new LicensesOfCustomer("nobody@nowhere.example"), Map.of()))).isEmpty();
            assertThat(ids(source.answer(new LicensesOfCustomer(" "), Map.of()))).isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Long> ids(Object answer) {
        return ((List<License>) answer).stream().map(License::id).toList();
    }
}
