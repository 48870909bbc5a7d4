package dev.supportbot.bot.http;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Slack request signing: {@code X-Slack-Signature} = "v0=" + hex(HMAC-SHA256(signing secret, "v0:" + timestamp + ":"
 * + body)), with {@code X-Slack-Request-Timestamp} in epoch seconds within five minutes of now. During a rotation the
 * previous signing secret is accepted too.
 */
public final class SlackSignature {
    public static final String SIGNATURE_HEADER = "X-Slack-Signature";
    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final String secret;
    private final String previous;
    private final Clock clock;

    public SlackSignature(String secret, Clock clock) {
        this(secret, null, clock);
    }

    /** {@code previous}: the signing secret being rotated out, or null. */
    public SlackSignature(String secret, String previous, Clock clock) {
        this.secret = secret;
        this.previous = previous;
        this.clock = clock;
    }

    public SignatureCheck check(String signature, String timestamp, byte[] body) {
        if (secret == null) return SignatureCheck.refused("Slack signing secret is not configured");
        if (signature == null || signature.isBlank()) return SignatureCheck.refused("missing " + SIGNATURE_HEADER);
        if (timestamp == null || timestamp.isBlank()) return SignatureCheck.refused("missing " + TIMESTAMP_HEADER);
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return SignatureCheck.refused("timestamp is not epoch seconds");
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return SignatureCheck.refused("timestamp is more than 5 minutes from now");
        }
        byte[] given = signature.trim().getBytes(StandardCharsets.US_ASCII);
        return signs(secret, timestamp, body, given) || previous != null && signs(previous, timestamp, body, given)
                ? SignatureCheck.VALID
                : SignatureCheck.refused("signature does not match");
    }

    private static boolean signs(String secret, String timestamp, byte[] body, byte[] given) {
        byte[] mac = HmacSignatures.hmacSha256(secret, HmacSignatures.utf8("v0:" + timestamp.trim() + ":"), body);
        return HmacSignatures.constantTimeEquals(("v0=" + HexFormat.of().formatHex(mac)).getBytes(StandardCharsets.US_ASCII), given);
    }
}
