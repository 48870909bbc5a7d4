package dev.supportbot.bot.outbound;

import java.time.Duration;

/**
 * Runs a call again when the outside system answers "rate limited" (HTTP 429 with {@code Retry-After}), waiting as
 * asked, a bounded number of times. A wait longer than {@code maxWait} is not sat out on a worker thread: the
 * {@link OutboundException} goes up with its {@code retryAfter} for the inbox to reschedule.
 */
public final class RateLimitRetry {

    /** One attempt at a call; may wait (for a rate limiter) and so be interrupted. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws InterruptedException;
    }

    private final int maxAttempts;
    private final Duration maxWait;
    private final Sleeper sleeper;

    /**
     * Three attempts, waits of up to 30 s: a worker holds its inbox lease (2 min by default) through at most two
     * waits; longer waits go back to the inbox.
     */
    public static RateLimitRetry standard(Sleeper sleeper) {
        return new RateLimitRetry(3, Duration.ofSeconds(30), sleeper);
    }

    public RateLimitRetry(int maxAttempts, Duration maxWait, Sleeper sleeper) {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        this.maxAttempts = maxAttempts;
        this.maxWait = maxWait;
        this.sleeper = sleeper;
    }

    /** {@code what} names the call in the message of an interruption, e.g. "Zendesk: add tags to ticket 42". */
    public <T> T call(String what, Attempt<T> attempt) {
        try {
            for (int n = 1; ; n++) {
                try {
                    return attempt.run();
                } catch (OutboundException e) {
                    Duration wait = e.failure() == OutboundException.Failure.RATE_LIMITED ? e.retryAfter().orElse(null) : null;
                    if (wait == null || n >= maxAttempts || wait.compareTo(maxWait) > 0) throw e;
                    sleeper.sleep(wait);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboundException(OutboundException.Failure.UNAVAILABLE, what + ": interrupted while waiting", null, e);
        }
    }
}
