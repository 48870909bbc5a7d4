package dev.supportbot.bot.outbound;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The one exponential backoff of the bot, for the inbox's retries of an event and an adapter's retries of a call:
 * after the n-th failure, base * 2^(n-1) capped at max, then a random point in its upper half, so that callers that
 * failed together do not come back together.
 */
public record Backoff(Duration base, Duration max) {

    public Backoff {
        if (base.isNegative() || max.compareTo(base) < 0) throw new IllegalArgumentException("need 0 <= base <= max");
    }

    public Duration delayAfter(int failedAttempts) {
        return delayAfter(failedAttempts, ThreadLocalRandom.current());
    }

    public Duration delayAfter(int failedAttempts, RandomGenerator random) {
        long ceiling = base.toMillis();
        for (int i = 1; i < failedAttempts && ceiling < max.toMillis(); i++) ceiling *= 2;
        ceiling = Math.min(ceiling, max.toMillis());
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + (ceiling > floor ? random.nextLong(ceiling - floor + 1) : 0));
    }
}
