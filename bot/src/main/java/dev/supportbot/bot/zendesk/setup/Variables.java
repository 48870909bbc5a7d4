package dev.supportbot.bot.zendesk.setup;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deployment-specific values a set-up file may name as {@code ${NAME}}: the bot's public URL (for the webhook's
 * endpoint) and the bot's Zendesk user (for the trigger to skip the bot's own updates).
 */
public final class Variables {
    public static final String PUBLIC_URL = "BOT_PUBLIC_URL";
    public static final String ZENDESK_EMAIL = "BOT_ZENDESK_EMAIL";
    public static final Set<String> KNOWN = Set.of(PUBLIC_URL, ZENDESK_EMAIL);

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]*)}");

    private final Map<String, String> values;

    public Variables(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The names a value uses. */
    static Set<String> named(String value) {
        Set<String> names = new TreeSet<>();
        Matcher m = VARIABLE.matcher(value);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** The value with every {@code ${NAME}} replaced; an unset one is an error naming it. */
    String expand(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null || v.isBlank()) {
                throw new SetupException(m.group(1) + " is not set; the set-up files use it (" + value + ")");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
