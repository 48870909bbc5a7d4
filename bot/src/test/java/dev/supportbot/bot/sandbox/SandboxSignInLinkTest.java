package dev.supportbot.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.bot.portal.IdempotencyKey;
import dev.supportbot.bot.portal.PortalException;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.MailDelivery;
import dev.supportbot.workflows.domain.SignInLink;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A one-time sign-in link is mailed, works once, and expires 24 hours after it was sent (on the bot's clock); the
 * confirmation mail goes again to the customer's own email.
 */
class SandboxSignInLinkTest {

    @Test
    void a_link_is_mailed_to_the_customer_and_works_once() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            Customer sam = sandbox.client.findCustomerByEmail("sam@acme.example").orElseThrow();

            SignInLink link = sandbox.client.sendSignInLink(sam.id(), IdempotencyKey.of("link-1"));

            assertThat(link).isEqualTo(new SignInLink(sam.id(), "sam@acme.example", SandboxBot.START.plus(Duration.ofHours(24))));
            assertThat(sandbox.client.mailDeliveries("sam@acme.example")).singleElement().satisfies(mail -> {
                assertThat(mail.status()).isEqualTo(MailDelivery.Status.DELIVERED);
                assertThat(mail.subject()).isEqualTo("Your one-time sign-in link");
            });
            String token = sandbox.latestSignInToken(sam.id());
            assertThat(redeem(sandbox, token, "first").statusCode()).isEqualTo(200);
            HttpResponse<String> again = redeem(sandbox, token, "second");
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.body()).contains("already used");
        }
    }

    @Test
    void the_confirmation_mail_goes_again_to_the_customers_own_email_once_per_key() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            Customer sam = sandbox.client.findCustomerByEmail("sam@acme.example").orElseThrow();

            MailDelivery sent = sandbox.client.resendConfirmation(sam.id(), IdempotencyKey.of("confirm-1"));
            sandbox.client.resendConfirmation(sam.id(), IdempotencyKey.of("confirm-1"));

            assertThat(sent.recipient()).isEqualTo("sam@acme.example");
            assertThat(sandbox.client.mailDeliveries("sam@acme.example")).singleElement()
                    .satisfies(mail -> assertThat(mail.subject()).isEqualTo("Confirmation instructions"));
            assertThatThrownBy(() -> sandbox.client.resendConfirmation(999999, IdempotencyKey.of("confirm-2")))
                    .isInstanceOf(PortalException.NotFound.class);
        }
    }

    @Test
    void a_link_expires_24_hours_after_it_was_sent() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            long sam = sandbox.client.findCustomerByEmail("sam@acme.example").orElseThrow().id();
            sandbox.client.sendSignInLink(sam, IdempotencyKey.of("link-early"));
            String early = sandbox.latestSignInToken(sam);
            sandbox.clock.advance(Duration.ofHours(23).plusMinutes(59));
            sandbox.client.sendSignInLink(sam, IdempotencyKey.of("link-late"));
            String late = sandbox.latestSignInToken(sam);

            sandbox.clock.advance(Duration.ofMinutes(1));

            HttpResponse<String> expired = redeem(sandbox, early, "early");
            assertThat(expired.statusCode()).isEqualTo(410);
            assertThat(expired.body()).contains("expired");
            assertThat(redeem(sandbox, late, "late").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void no_link_goes_to_a_customer_whose_login_is_off_and_unknown_links_do_not_exist() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            long milton = sandbox.client.findCustomerByEmail("milton@initech.example").orElseThrow().id();

            assertThatThrownBy(() -> sandbox.client.sendSignInLink(milton, IdempotencyKey.of("link-milton")))
                    .isInstanceOf(PortalException.Conflict.class).hasMessageContaining("login is not activated");
            assertThat(redeem(sandbox, "made-up-token", "guess").statusCode()).isEqualTo(404);
            assertThat(sandbox.count("sandbox_sign_in_link")).isZero();
        }
    }

    private static HttpResponse<String> redeem(SandboxBot sandbox, String token, String key) {
        return sandbox.send("POST", "/sign-in-links/redeem", "{\"token\": \"" + token + "\"}", "Idempotency-Key", "redeem-" + key);
    }
}
