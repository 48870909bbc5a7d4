package dev.supportbot.workflows.troubleshooting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the registration errors quoted in a comment, however the customer's mail client passed them on: quoted
 * ({@code > }, nested), re-flowed (line breaks inside the sentence), with thousands separators ({@code 1,200},
 * {@code 1.200}, {@code 1 200}, {@code 1'200}), typographic apostrophes, and any text around them.
 */
public final class RegistrationErrors {
    /** A count of users: plain digits, or groups of three after a separator. */
    private static final String NUMBER = "(\\d{1,3}(?:[,.' \\u00A0\\u202F]\\d{3})+|\\d+)";
    private static final Pattern USERS_OVER_LIMIT = Pattern.compile(
            "ha(?:d|s|ve) " + NUMBER + " active users?,? exceeding (?:this|the|your) (?:license|licence|subscription)'?s? limit of " + NUMBER,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRUE_UP = Pattern.compile(
            "applied an? true[- ]?up for " + NUMBER + " users? but you need one for " + NUMBER + " users?",
            Pattern.CASE_INSENSITIVE);
    /** Counts beyond this are not user counts (or a separator was misread); such a match is ignored. */
    private static final long MAX_USERS = 10_000_000;

    private RegistrationErrors() {}

    /** The errors in order of appearance, each distinct error once. */
    public static List<RegistrationError> find(String comment) {
        if (comment == null || comment.isBlank()) return List.of();
        String text = flatten(comment);
        record Found(int at, RegistrationError error) {}
        List<Found> found = new ArrayList<>();
        Matcher m = USERS_OVER_LIMIT.matcher(text);
        while (m.find()) {
            Long active = number(m.group(1));
            Long limit = number(m.group(2));
            if (active != null && limit != null) {
                found.add(new Found(m.start(), new RegistrationError.UsersOverLimit(active.intValue(), limit.intValue())));
            }
        }
        m = TRUE_UP.matcher(text);
        while (m.find()) {
            Long applied = number(m.group(1));
            Long needed = number(m.group(2));
            if (applied != null && needed != null) {
                found.add(new Found(m.start(), new RegistrationError.TrueUpMismatch(applied.intValue(), needed.intValue())));
            }
        }
        found.sort(Comparator.comparingInt(Found::at));
        return List.copyOf(new LinkedHashSet<>(found.stream().map(Found::error).toList()));
    }

    /**
     * One line of plain words: quote markers at line starts removed, line breaks, runs of white space and no-break spaces
     * between words made one space, typographic apostrophes and HTML's {@code &#39;} made {@code '}, emphasis and code marks dropped.
     */
    static String flatten(String comment) {
        StringBuilder out = new StringBuilder(comment.length());
        for (String line : comment.split("\\R")) {
            out.append(line.replaceFirst("^[\\s>]+", "")).append(' ');
        }
        return out.toString()
                .replace("&#39;", "'").replace("&apos;", "'").replace('\u2019', '\'').replace('\u2018', '\'')
                .replaceAll("[*_`]", "")
                .replaceAll("(?<!\\d)[\\u00A0\\u202F]|[\\u00A0\\u202F](?!\\d)", " ")
                .replaceAll("\\s+", " ");
    }

    private static Long number(String text) {
        String digits = text.replaceAll("\\D", "");
        if (digits.length() > 9) return null;
        long n = Long.parseLong(digits);
        return n > MAX_USERS ? null : n;
    }
}
