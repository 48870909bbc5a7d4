package dev.supportbot.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.domain.Customer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Signing up on the sandbox portal creates a customer with login on, recorded as created; a taken email is refused. */
class SandboxSignUpTest {

    @Test
    void a_sign_up_creates_a_customer_and_a_taken_or_bad_email_changes_nothing() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            long before = sandbox.count("sandbox_customer");
            HttpResponse<String> created = signUp(sandbox, "Nia", "New", "Nia@Acme.example", "nia-1");
            assertThat(created.statusCode()).isEqualTo(201);
            Customer nia = sandbox.client.findCustomerByEmail("nia@acme.example").orElseThrow();
            assertThat(nia.loginActivated()).isTrue();
            assertThat(nia.uid()).isNull();
            assertThat(sandbox.client.customerHistory(nia.id())).singleElement()
                    .satisfies(h -> assertThat(h.action()).isEqualTo("create"));

            assertThat(signUp(sandbox, "Nia", "New", "Nia@Acme.example", "nia-1").body()).as("the same key: once")
                    .isEqualTo(created.body());
            assertThat(signUp(sandbox, "Nia", "New", "nia@acme.example", "nia-2").statusCode()).as("a second sign-up")
                    .isEqualTo(409);
            HttpResponse<String> taken = signUp(sandbox, "Sam", "Again", "sam@acme.example", "sam-1");
            assertThat(taken.statusCode()).isEqualTo(409);
            assertThat(taken.body()).contains("Email has already been taken");
            assertThat(signUp(sandbox, "No", "Mail", "not-an-address", "bad-1").statusCode()).isEqualTo(422);
            assertThat(sandbox.count("sandbox_customer")).isEqualTo(before + 1);
        }
    }

    private static HttpResponse<String> signUp(SandboxBot sandbox, String first, String last, String email, String key) {
        return sandbox.send("POST", "/customers", "{\"first_name\": \"" + first + "\", \"last_name\": \"" + last
                + "\", \"email\": \"" + email + "\", \"company\": \"Acme Corp\"}", "Idempotency-Key", key,
                "Authorization", "Bearer " + dev.supportbot.bot.testing.TestBots.PORTAL_TOKEN);
    }
}
