package dev.supportbot.bot.config;

import java.util.Locale;

/**
 * Whether the bot acts ({@link #LIVE}) or only says on each ticket what it would have done ({@link #SHADOW}): it reads
 * and decides the same way in both.
 */
public enum ActionMode {
    LIVE, SHADOW;

    static ActionMode parse(String raw) {
        String value = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "live" -> LIVE;
            case "shadow" -> SHADOW;
            default -> throw new IllegalArgumentException("'" + raw + "' is neither live nor shadow");
        };
    }
}
