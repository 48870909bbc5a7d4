package dev.supportbot.bot.helpdesk;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The Zendesk stand-in's switch for rate limiting: the next N requests are refused with 429 and a Retry-After. */
final class RateLimitSwitch {
    private final AtomicInteger remaining = new AtomicInteger();
    private volatile Duration retryAfter = Duration.ofSeconds(1);

    void refuseNext(int requests, Duration retryAfter) {
        this.retryAfter = retryAfter;
        remaining.set(requests);
    }

    /** The Retry-After to answer this request with, or empty to serve it. */
    Optional<Duration> next() {
        return remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? Optional.of(retryAfter) : Optional.empty();
    }
}
