package dev.supportbot.bot.inbox;

/** An event as intake hands it to the inbox. {@code payload} must already be scrubbed of secrets. */
public record NewInboxEvent(String source, String dedupKey, String eventType, Long ticketId, String payload) {}
