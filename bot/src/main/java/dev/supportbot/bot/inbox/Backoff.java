package dev.supportbot.bot.inbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: base, 2·base, 4·base … capped at max, each ±20%. */
public record Backoff(Duration base, Duration max) {

    public Duration delayAfter(int attempts) {
        int exponent = Math.max(0, Math.min(attempts - 1, 30));
        long millis = Math.min(max.toMillis(), base.toMillis() << Math.min(exponent, 20));
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.max(1, Math.round(millis * jitter)));
    }
}
