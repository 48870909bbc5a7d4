package dev.supportbot.bot.inbox;

/** The event's lease ran out and another worker took it over: this worker's result is discarded. */
public final class LostClaimException extends RuntimeException {
    public LostClaimException(long id) {
        super("inbox event " + id + " was taken over by another worker");
    }
}
