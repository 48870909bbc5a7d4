package dev.supportbot.bot.sandbox;

import java.util.regex.Pattern;

/** Checks of request fields; a failed check is a 422 that names the field. */
final class SandboxInput {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private SandboxInput() {}

    static String text(String value, String field) {
        if (value == null || value.isBlank()) throw SandboxProblem.rejected(field + " is required");
        return value.trim();
    }

    /** A lower-cased email address. */
    static String email(String value, String field) {
        String email = text(value, field);
        if (!EMAIL.matcher(email).matches()) throw SandboxProblem.rejected(field + " is not an email address");
        return CustomerStore.normal(email);
    }
}
