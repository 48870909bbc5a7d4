package dev.supportbot.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.testing.Signing;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ZendeskSignatureTest {
    private static final String SECRET = "dGhpc19pc19hX3NlY3JldA";
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String BODY = "{\"ticket_id\":123,\"event\":\"ticket.updated\"}";
    private final ZendeskSignature verifier = new ZendeskSignature(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    private SignatureCheck check(String signature, String timestamp, String body) {
        return verifier.check(signature, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void accepts_a_signature_computed_from_the_documented_formula() {
        String ts = "2026-11-22T09:58:30Z";
        assertThat(check(Signing.zendesk(SECRET, ts, BODY), ts, BODY).valid()).isTrue();
    }

    @Test
    void accepts_a_known_vector() {
        // base64(HMAC-SHA256("secret", "2026-11-22T10:00:00Z" + "{}")) computed with openssl:
        // printf '%s' '2026-11-22T10:00:00Z{}' | openssl dgst -sha256 -hmac secret -binary | base64
        ZendeskSignature v = new ZendeskSignature("secret", Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(v.check("4wlVg7cl78olL0gjC6+HReTeFhwqavoEb3nq2OjW3as=", "2026-11-22T10:00:00Z",
                "{}".getBytes(StandardCharsets.UTF_8)).valid()).isTrue();
    }

    @Test
    void refuses_a_tampered_body() {
        String ts = "2026-11-22T10:00:00Z";
        SignatureCheck result = check(Signing.zendesk(SECRET, ts, BODY), ts, BODY.replace("123", "124"));
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).isEqualTo("signature does not match");
    }

    @Test
    void refuses_a_signature_made_with_another_secret() {
        String ts = "2026-11-22T10:00:00Z";
        assertThat(check(Signing.zendesk("other", ts, BODY), ts, BODY).valid()).isFalse();
    }

    @Test
    void refuses_stale_and_future_timestamps_even_when_correctly_signed() {
        String stale = "2026-11-22T09:54:59Z";
        String future = "2026-11-22T10:05:01Z";
        assertThat(check(Signing.zendesk(SECRET, stale, BODY), stale, BODY).reason()).contains("5 minutes");
        assertThat(check(Signing.zendesk(SECRET, future, BODY), future, BODY).reason()).contains("5 minutes");
        String edge = "2026-11-22T09:55:00Z";
        assertThat(check(Signing.zendesk(SECRET, edge, BODY), edge, BODY).valid()).isTrue();
    }

    @Test
    void refuses_missing_or_malformed_headers() {
        String ts = "2026-11-22T10:00:00Z";
        String sig = Signing.zendesk(SECRET, ts, BODY);
        assertThat(check(null, ts, BODY).reason()).contains("missing X-Zendesk-Webhook-Signature");
        assertThat(check(sig, null, BODY).reason()).contains("missing X-Zendesk-Webhook-Signature-Timestamp");
        assertThat(check(sig, "yesterday", BODY).reason()).contains("ISO-8601");
        assertThat(check("%%%not-base64%%%", ts, BODY).valid()).isFalse();
    }

    @Test
    void refuses_everything_when_no_secret_is_configured() {
        ZendeskSignature unconfigured = new ZendeskSignature(null, Clock.fixed(NOW, ZoneOffset.UTC));
        String ts = "2026-11-22T10:00:00Z";
        assertThat(unconfigured.check(Signing.zendesk("any-secret", ts, BODY), ts, BODY.getBytes(StandardCharsets.UTF_8)).reason())
                .contains("not configured");
    }
}
