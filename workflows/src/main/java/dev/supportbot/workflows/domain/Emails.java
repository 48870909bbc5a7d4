package dev.supportbot.workflows.domain;

import java.util.Locale;

/** Email address helpers shared by the rules. */
public final class Emails {
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
}
