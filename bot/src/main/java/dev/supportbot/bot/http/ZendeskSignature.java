package dev.supportbot.bot.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Zendesk webhook signing: {@code X-Zendesk-Webhook-Signature} = base64(HMAC-SHA256(secret, timestamp + body)),
 * with {@code X-Zendesk-Webhook-Signature-Timestamp} an ISO-8601 time that must be within five minutes of now. During a
 * rotation the previous secret is accepted too.
 */
public final class ZendeskSignature {
    public static final String SIGNATURE_HEADER = "X-Zendesk-Webhook-Signature";
    public static final String TIMESTAMP_HEADER = "X-Zendesk-Webhook-Signature-Timestamp";
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final String secret;
    private final String previous;
    private final Clock clock;

    public ZendeskSignature(String secret, Clock clock) {
        this(secret, null, clock);
    }

    /** {@code previous}: the secret being rotated out, or null. */
    public ZendeskSignature(String secret, String previous, Clock clock) {
        this.secret = secret;
        this.previous = previous;
        this.clock = clock;
    }

    public SignatureCheck check(String signature, String timestamp, byte[] body) {
        if (secret == null) return SignatureCheck.refused("webhook secret is not configured");
        if (signature == null || signature.isBlank()) return SignatureCheck.refused("missing " + SIGNATURE_HEADER);
        if (timestamp == null || timestamp.isBlank()) return SignatureCheck.refused("missing " + TIMESTAMP_HEADER);
        Instant sent;
        try {
            sent = OffsetDateTime.parse(timestamp.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return SignatureCheck.refused("timestamp is not an ISO-8601 time");
        }
        if (Duration.between(sent, clock.instant()).abs().compareTo(TOLERANCE) > 0) {
            return SignatureCheck.refused("timestamp is more than 5 minutes from now");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            return SignatureCheck.refused("signature does not match");
        }
        return signs(secret, timestamp, body, given) || previous != null && signs(previous, timestamp, body, given)
                ? SignatureCheck.VALID
                : SignatureCheck.refused("signature does not match");
    }

    private static boolean signs(String secret, String timestamp, byte[] body, byte[] given) {
        return HmacSignatures.constantTimeEquals(HmacSignatures.hmacSha256(secret, HmacSignatures.utf8(timestamp), body), given);
    }
}
