package dev.supportbot.bot.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads an HTTP {@code Retry-After} header: delay-seconds, or an HTTP date. */
public final class RetryAfter {
    private RetryAfter() {}

    /** The header's wait, or {@code otherwise} when it is missing or not a number of seconds. */
    public static Duration seconds(String header, Duration otherwise) {
        if (header == null || !header.trim().matches("\\d{1,9}")) return otherwise;
        return Duration.ofSeconds(Long.parseLong(header.trim()));
    }

    /** The header's wait, seconds or until an HTTP date (zero once past); empty when absent or unreadable. */
    public static Optional<Duration> parse(String header, Clock clock) {
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
