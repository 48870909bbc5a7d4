package dev.supportbot.bot.inbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

/**
 * Where every verified request enters the inbox: scrubs secrets from the payload, derives the de-duplication key,
 * stores the event and wakes a worker. Shared by the Zendesk and Slack routes.
 */
public final class Intake {
    private final Inbox inbox;
    private final UnaryOperator<String> scrubber;
    private final Runnable onAccepted;

    public Intake(Inbox inbox, UnaryOperator<String> scrubber, Runnable onAccepted) {
        this.inbox = inbox;
        this.scrubber = scrubber;
        this.onAccepted = onAccepted;
    }

    /**
     * Stores one event. {@code deliveryId} is the sender's own identity of the delivery when it has one; otherwise
     * the event is identified by a hash of the raw body, so a byte-identical redelivery is stored once.
     */
    public Acceptance submit(String source, String eventType, Long ticketId, String deliveryId, byte[] rawBody) {
        String dedupKey = deliveryId != null && !deliveryId.isBlank()
                ? "delivery:" + deliveryId.trim()
                : "sha256:" + sha256(rawBody);
        String payload = scrubber.apply(new String(rawBody, StandardCharsets.UTF_8));
        Acceptance acceptance = inbox.accept(new NewInboxEvent(source, truncateKey(dedupKey), eventType, ticketId, payload));
        if (acceptance == Acceptance.ACCEPTED) onAccepted.run();
        return acceptance;
    }

    private static String truncateKey(String key) {
        // Keys longer than the column are replaced by their hash: still unique, still stable.
        return key.length() <= 200 ? key : "sha256:" + sha256(key.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
