package dev.supportbot.bot.inbox;

import java.util.Optional;

/**
 * What a value taken from a request must look like to be stored in the inbox table: the event type column holds 100
 * characters, and no stored text may hold a control character (PostgreSQL refuses NUL in text). Routes check their
 * values here and answer 400 with the reason, so a request that cannot be stored is refused before the insert.
 */
public final class InboxColumns {
    public static final int EVENT_TYPE_LENGTH = 100;

    private InboxColumns() {}

    /** Why {@code value}, stored as the event type {@code prefix + value}, does not fit; empty when it does. */
    public static Optional<String> eventTypeProblem(String field, String prefix, String value) {
        int room = EVENT_TYPE_LENGTH - prefix.length();
        if (value.length() > room) return Optional.of(field + " is longer than " + room + " characters");
        return controlCharacterProblem(field, value);
    }

    /** Why {@code value} (a delivery or trigger id, part of the de-duplication key) cannot be stored; empty when it can. */
    public static Optional<String> keyProblem(String field, String value) {
        return value == null ? Optional.empty() : controlCharacterProblem(field, value);
    }

    private static Optional<String> controlCharacterProblem(String field, String value) {
        return value.chars().anyMatch(Character::isISOControl)
                ? Optional.of(field + " contains a control character")
                : Optional.empty();
    }
}
