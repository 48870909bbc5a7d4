package dev.supportbot.bot.portal;

/**
 * The {@code Idempotency-Key} of one intended change. The caller owns it (the approved-action executor derives it from
 * the action), so that a retry after a crash repeats the same key and the portal applies the change once.
 */
public record IdempotencyKey(String value) {
    private static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !value.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException("an idempotency key is 1 to 255 printable ASCII characters without spaces");
        }
    }

    public static IdempotencyKey of(String value) {
        return new IdempotencyKey(value);
    }
}
