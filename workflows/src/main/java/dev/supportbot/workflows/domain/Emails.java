package dev.supportbot.workflows.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Email address helpers shared by the rules. */
public final class Emails {
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private Emails() {}

    /** The lower-cased domain of an address, or "" when it has none. */
    public static String domainOf(String email) {
        if (email == null) return "";
        int at = email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1).trim().toLowerCase(Locale.ROOT);
    }

    public static boolean sameAddress(String a, String b) {
        return a != null && b != null && a.trim().equalsIgnoreCase(b.trim());
    }

    /** The distinct addresses written in {@code text}, lower case, in order, without those in {@code except}. */
    public static List<String> writtenIn(String text, Collection<String> except) {
        List<String> found = new ArrayList<>();
        if (text == null) return found;
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            String address = m.group().toLowerCase(Locale.ROOT);
            boolean excluded = except.stream().anyMatch(e -> sameAddress(e, address));
            if (!excluded && !found.contains(address)) found.add(address);
        }
        return found;
    }

    /** Whether {@code word} is one email address. */
    public static boolean valid(String word) {
        return word != null && EMAIL.matcher(word).matches();
    }
}
