package dev.supportbot.workflows.typofix;

import dev.supportbot.workflows.domain.Emails;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses written in a text (a ticket's request, the AM's reply), in the order they appear. */
final class Addresses {
    private static final Pattern YES = Pattern.compile("\\b(yes|confirm|confirmed|correct)\\b");
    private static final Pattern NO = Pattern.compile("\\b(no|not|wrong)\\b");

    private Addresses() {}

    /** The distinct addresses in {@code text}, lower case, without those in {@code except}. */
    static List<String> in(String text, Collection<String> except) {
        return Emails.writtenIn(text, except);
    }

    static boolean valid(String word) {
        return Emails.valid(word);
    }

    /** A plain yes ("yes", "confirmed", "that is correct") without a no word. */
    static boolean saysYes(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return YES.matcher(lower).find() && !NO.matcher(lower).find();
    }
}
