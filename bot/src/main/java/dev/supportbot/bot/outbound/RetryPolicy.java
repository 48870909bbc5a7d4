package dev.supportbot.bot.outbound;

import java.time.Duration;
import java.util.Optional;

/**
 * How often and how long {@link Retry} waits before repeating a call that may pass: {@code maxAttempts} in all, after
 * the far side's {@code Retry-After} when it gave one no longer than {@code maxRetryAfter}, else after the
 * {@code backoff}. Without a backoff only a call the far side said when to repeat is repeated in place; the other
 * failures go up to the inbox, which retries the event with its own backoff.
 */
public record RetryPolicy(int maxAttempts, Optional<Backoff> backoff, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        if (backoff.isPresent() && maxRetryAfter.compareTo(backoff.get().max()) < 0) {
            throw new IllegalArgumentException("need 0 <= base <= max <= maxRetryAfter");
        }
    }

    /** Repeats a failure that may pass after exponential backoff from {@code base} up to {@code max}, with jitter. */
    public RetryPolicy(int maxAttempts, Duration base, Duration max, Duration maxRetryAfter) {
        this(maxAttempts, Optional.of(new Backoff(base, max)), maxRetryAfter);
    }

    /** Repeats a call only when the far side said when ({@code Retry-After}). */
    public static RetryPolicy whenAsked(int maxAttempts, Duration maxRetryAfter) {
        return new RetryPolicy(maxAttempts, Optional.empty(), maxRetryAfter);
    }
}
