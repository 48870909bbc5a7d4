package dev.supportbot.bot.inbox;

import java.time.Duration;

/**
 * Thrown by a dispatcher when an event arrived before what it refers to: the event is tried again after
 * {@link #after()}, and this does not count as a failed attempt, so it never becomes a dead letter this way. The
 * dispatcher bounds how long it keeps waiting.
 */
public class RetryLater extends RuntimeException {
    private final Duration after;

    public RetryLater(String message, Duration after) {
        super(message);
        this.after = after;
    }

    public Duration after() {
        return after;
    }
}
