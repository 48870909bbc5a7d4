package dev.supportbot.workflows.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Email address helpers shared by the rules. */
public final class Emails {
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    /**
     * Mail services anyone can sign up to: two addresses there share a domain but no organisation, so a shared domain
     * proves nothing about reaching the other's mailbox.
     */
    private static final Set<String> PUBLIC_MAIL = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com",
            "live.com", "msn.com", "yahoo.com", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me",
            "protonmail.com", "pm.me", "gmx.com", "gmx.net", "gmx.de", "web.de", "mail.com", "mail.ru", "yandex.ru",
            "yandex.com", "zoho.com", "qq.com", "163.com", "126.com", "fastmail.com", "tutanota.com", "hey.com");

    private Emails() {}

    /** Whether {@code domain} (lower case) is a public mail service's rather than an organisation's. */
    public static boolean publicMail(String domain) {
        return PUBLIC_MAIL.contains(domain);
    }

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
