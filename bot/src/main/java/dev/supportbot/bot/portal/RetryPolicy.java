package dev.supportbot.bot.portal;

import dev.supportbot.bot.outbound.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How often and how long to wait before repeating a portal call: exponential backoff with jitter, or the server's
 * {@code Retry-After} when it gave one and it is not longer than {@code maxRetryAfter}.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration max, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        if (base.isNegative() || max.compareTo(base) < 0 || maxRetryAfter.compareTo(max) < 0) {
            throw new IllegalArgumentException("need 0 <= base <= max <= maxRetryAfter");
        }
    }

    /** The wait after the {@code failedAttempts}-th failure: the bot's one {@link Backoff}. */
    public Duration backoff(int failedAttempts, RandomGenerator random) {
        return new Backoff(base, max).delayAfter(failedAttempts, random);
    }

    /** A {@code Retry-After} value: delay-seconds or an HTTP date. Empty when absent or unreadable. */
    public static Optional<Duration> parseRetryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) return Optional.empty();
        String value = header.trim();
        if (value.matches("\\d{1,9}")) return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        try {
            Duration until = Duration.between(clock.instant(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
