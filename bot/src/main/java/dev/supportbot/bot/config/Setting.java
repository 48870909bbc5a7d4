package dev.supportbot.bot.config;

import java.util.List;
import java.util.function.Function;

/**
 * One configuration setting: its key in {@code bot.yaml}, its environment variable, its default and its parser.
 * Secrets have no file key: they come from the environment only.
 */
public record Setting<T>(
        String key, String env, String defaultText, boolean secret, String meaning, Function<String, T> parser, T whenUnset) {

    public static <T> Setting<T> of(String key, String env, String defaultText, String meaning, Function<String, T> parser) {
        return new Setting<>(key, env, defaultText, false, meaning, parser, null);
    }

    /** A comma-separated list; an empty list when unset, never null. */
    public static Setting<List<String>> list(String key, String env, String defaultText, String meaning) {
        return new Setting<>(key, env, defaultText, false, meaning, Parsers::list, List.of());
    }

    public static Setting<String> secret(String env, String meaning) {
        return new Setting<>(null, env, null, true, meaning, Parsers::text, null);
    }

    /** Without a default: may be left empty, which means unset. Any other setting given empty is an error. */
    public boolean optional() {
        return defaultText == null || defaultText.isEmpty();
    }

    public boolean inFile() {
        return key != null;
    }

    /** The name an operator knows it by in messages: the file key, or the variable for env-only settings. */
    public String name() {
        return key != null ? key : env;
    }
}
