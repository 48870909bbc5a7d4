package dev.supportbot.bot.outbound;

import java.time.Duration;

/** Reads an HTTP {@code Retry-After} header given in seconds, the form the bot's outside systems send. */
public final class RetryAfter {
    private RetryAfter() {}

    /** The header's wait, or {@code otherwise} when it is missing or not a number of seconds. */
    public static Duration seconds(String header, Duration otherwise) {
        if (header == null) return otherwise;
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
