package dev.supportbot.bot.engine;

/**
 * A stored workflow instance: one run of a workflow on a ticket; at most one of each kind runs on a ticket at a time.
 * {@code commentCursor} is the id of the last ticket comment the workflow has seen; {@code version} increases with
 * every decision (optimistic locking); {@code initiator} is who started it ({@code email:...}, {@code slack:...},
 * {@code supportbot}), null when the start did not say.
 */
public record Instance(long id, String kind, long ticketId, String stateJson, long version, long commentCursor, boolean finished,
                       String initiator) {

    /** The instance as it will be after a decision. */
    Instance after(String newStateJson, long newVersion, long newCursor, boolean nowFinished) {
        return new Instance(id, kind, ticketId, newStateJson, newVersion, newCursor, nowFinished, initiator);
    }
}
