package dev.supportbot.bot.inbox;

import java.time.Instant;

/** An event parked after too many failed attempts, with the last error. */
public record DeadLetter(long id, String source, String eventType, Long ticketId, int attempts, String lastError, Instant receivedAt) {}
