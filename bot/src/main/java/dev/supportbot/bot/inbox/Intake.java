package dev.supportbot.bot.inbox;

import dev.supportbot.bot.redaction.JsonScrubber;
import dev.supportbot.workflows.redaction.SecretScanner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

/**
 * Where every verified request enters the inbox: scrubs secrets from what it stores, derives the de-duplication key,
 * stores the event and wakes a worker. Shared by the Zendesk and Slack routes.
 *
 * <p>Nothing the sender wrote is stored as it came: the payload is re-encoded with every decoded string and key
 * masked ({@link JsonScrubber}; identifiers such as action ids as identifiers), the event type is masked as an
 * identifier, kept on one line and cut to its column, and the sender's
 * delivery id, which is free text, is kept only as a hash.
 */
public final class Intake {
    /** The length of the {@code event_type} column. */
    static final int MAX_EVENT_TYPE = 100;

    private final Inbox inbox;
    private final UnaryOperator<String> scrubber;
    private final JsonScrubber json;
    private final Runnable onAccepted;

    /** {@code scrubber} masks secrets in plain text (e.g. {@code SecretScanner::mask}). */
    public Intake(Inbox inbox, UnaryOperator<String> scrubber, Runnable onAccepted) {
        this.inbox = inbox;
        this.scrubber = scrubber;
        this.json = new JsonScrubber(scrubber, text -> SecretScanner.maskIdentifier(scrubber.apply(text)));
        this.onAccepted = onAccepted;
    }

    /**
     * Stores one event whose payload is the JSON document {@code body}. {@code deliveryId} is the sender's own
     * identity of the delivery when it has one; otherwise the event is identified by a hash of the body, so a
     * byte-identical redelivery is stored once.
     *
     * @throws IllegalArgumentException when {@code body} is not JSON (the routes check that first)
     */
    public Acceptance submit(String source, String eventType, Long ticketId, String deliveryId, byte[] body) {
        String dedupKey = deliveryId != null && !deliveryId.isBlank()
                ? "delivery:" + sha256(deliveryId.trim().getBytes(StandardCharsets.UTF_8))
                : "sha256:" + sha256(body);
        String payload = json.scrub(body);
        // The type holds an action or callback id (block_action:ID): masked as an identifier.
        String type = cut(oneLine(SecretScanner.maskIdentifier(scrubber.apply(eventType))), MAX_EVENT_TYPE);
        Acceptance acceptance = inbox.accept(new NewInboxEvent(source, dedupKey, type, ticketId, payload));
        if (acceptance == Acceptance.ACCEPTED) onAccepted.run();
        return acceptance;
    }

    /** Control chars (line breaks, tabs) as spaces: the event type is a label, printed in log lines and by the CLI. */
    static String oneLine(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                if (out == null) out = new StringBuilder(s);
                out.setCharAt(i, ' ');
            }
        }
        return out == null ? s : out.toString();
    }

    /** At most {@code max} chars, never half a surrogate pair. */
    static String cut(String s, int max) {
        if (s.length() <= max) return s;
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
