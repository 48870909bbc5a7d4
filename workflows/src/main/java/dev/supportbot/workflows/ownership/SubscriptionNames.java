package dev.supportbot.workflows.ownership;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a subscription name ({@code A-S} and 8 digits) in free text. */
public final class SubscriptionNames {
    private static final Pattern NAME = Pattern.compile("(?<![A-Za-z0-9-])A-S\\d{8}(?!\\d)", Pattern.CASE_INSENSITIVE);

    private SubscriptionNames() {}

    /** The first subscription name in the texts, searched in order, upper-cased. */
    public static Optional<String> first(Iterable<String> texts) {
        for (String text : texts) {
            if (text == null) continue;
            Matcher m = NAME.matcher(text);
            if (m.find()) return Optional.of(m.group().toUpperCase(Locale.ROOT));
        }
        return Optional.empty();
    }
}
