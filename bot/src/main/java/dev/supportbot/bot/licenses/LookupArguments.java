package dev.supportbot.bot.licenses;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The argument text of a lookup: what to look up, and the page asked for with {@code --page N} at the end. */
record LookupArguments(String subject, int page) {
    static final int MAX_SUBJECT = 200;
    private static final Pattern PAGE = Pattern.compile("^(.*?)\\s*--page\\s+(\\d{1,4})\\s*$", Pattern.DOTALL);

    /** Empty when the subject is blank or too long, or the page is 0. */
    static Optional<LookupArguments> parse(String text) {
        String t = text == null ? "" : text.strip();
        int page = 1;
        Matcher m = PAGE.matcher(t);
        if (m.matches()) {
            t = m.group(1).strip();
            page = Integer.parseInt(m.group(2));
        }
        t = t.replaceAll("\\s+", " ");
        if (t.isEmpty() || t.length() > MAX_SUBJECT || page < 1 || t.contains("--")) return Optional.empty();
        return Optional.of(new LookupArguments(t, page));
    }
}
