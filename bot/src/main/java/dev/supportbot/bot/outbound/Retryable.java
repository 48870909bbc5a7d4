package dev.supportbot.bot.outbound;

import java.time.Duration;
import java.util.Optional;

/** A failed outbound call, as {@link Retry} reads it: whether repeating it may help, and when the far side said. */
public interface Retryable {

    /** True when the same call may succeed if repeated: the far side rate limited it, failed or did not answer. */
    boolean mayPass();

    /** How long the far side asked the caller to wait ({@code Retry-After}), when it said so. */
    Optional<Duration> retryAfter();

    /**
     * What to throw when the retries stop at this failure; {@code why} says why, e.g. "gave up after 3 attempts". By
     * default the failure itself.
     */
    default RuntimeException stopped(String why) {
        return (RuntimeException) this;
    }
}
