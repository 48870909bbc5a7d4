package dev.supportbot.bot.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket that never lets more than {@code limitPerMinute} permits through in any 60 seconds: a burst of a
 * tenth of the limit, the rest refilled evenly over the minute (so the steady rate is 90% of the limit). Callers
 * that find the bucket empty reserve the next token and wait for it, so waiting callers are served in order.
 */
public final class RateLimiter {
    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final Clock clock;
    private final Sleeper sleeper;
    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private Instant refilledAt;

    public RateLimiter(int limitPerMinute, Clock clock, Sleeper sleeper) {
        if (limitPerMinute < 2) throw new IllegalArgumentException("limit must be at least 2 a minute: " + limitPerMinute);
        this.clock = clock;
        this.sleeper = sleeper;
        // Burst B plus refill r over 60 s bounds any minute's permits by B + 60r = limit.
        this.capacity = Math.max(1, limitPerMinute / 10);
        this.tokensPerNano = (limitPerMinute - capacity) / NANOS_PER_MINUTE;
        this.tokens = capacity;
        this.refilledAt = clock.instant();
    }

    /** Takes one permit, waiting as long as the limit requires. */
    public void acquire() throws InterruptedException {
        Duration wait = reserve();
        if (!wait.isZero()) sleeper.sleep(wait);
    }

    private synchronized Duration reserve() {
        Instant now = clock.instant();
        long elapsed = Duration.between(refilledAt, now).toNanos();
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            refilledAt = now;
        }
        tokens -= 1;
        return tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(-tokens / tokensPerNano));
    }
}
