package dev.supportbot.bot.inbox;

import java.time.Instant;

/** A claimed inbox row. {@code attempts} counts claims, this one included. */
public record InboxEvent(
        long id,
        String source,
        String dedupKey,
        String eventType,
        Long ticketId,
        String payload,
        int attempts,
        Instant receivedAt,
        String claimToken) {}
