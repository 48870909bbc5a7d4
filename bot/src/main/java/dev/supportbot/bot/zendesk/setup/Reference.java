package dev.supportbot.bot.zendesk.setup;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A human-readable name of a Zendesk object in a set-up file ({@code Group: L&R}, {@code User: bot@example.com},
 * {@code Webhook: supportbot}), resolved to the object's id at sync time so that no file holds an id.
 */
public record Reference(Type type, String name) {
    public enum Type { Group, User, Webhook }

    private static final Pattern FORM = Pattern.compile("^(Group|User|Webhook):\\s*(.*)$");

    /** The reference a whole string value is, if it is one. */
    public static Optional<Reference> parse(String value) {
        Matcher m = FORM.matcher(value.strip());
        return m.matches() ? Optional.of(new Reference(Type.valueOf(m.group(1)), m.group(2).strip())) : Optional.empty();
    }

    @Override
    public String toString() {
        return type + ": " + name;
    }
}
