package dev.supportbot.bot.engine;

/**
 * A stored workflow instance: one per (ticket, kind). {@code commentCursor} is the id of the last ticket comment the
 * workflow has seen; {@code version} increases with every decision (optimistic locking).
 */
public record Instance(long id, String kind, long ticketId, String stateJson, long version, long commentCursor, boolean finished) {}
