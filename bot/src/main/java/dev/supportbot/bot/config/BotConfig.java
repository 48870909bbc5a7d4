package dev.supportbot.bot.config;

import java.util.Map;
import java.util.Optional;

/**
 * The validated configuration: every setting of {@link Settings} resolved to its typed value. Secrets are held
 * here but never printed: {@link #toString()} masks them.
 */
public final class BotConfig {
    private final Map<Setting<?>, Object> values;

    BotConfig(Map<Setting<?>, Object> values) {
        this.values = Map.copyOf(values);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.get(setting);
    }

    public <T> Optional<T> find(Setting<T> setting) {
        return Optional.ofNullable(get(setting));
    }

    /** A copy with one setting changed (tests, and the port chosen at start-up). */
    public <T> BotConfig with(Setting<T> setting, T value) {
        var copy = new java.util.HashMap<>(values);
        if (value == null) copy.remove(setting);
        else copy.put(setting, value);
        return new BotConfig(copy);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("BotConfig{");
        for (Setting<?> s : Settings.ALL) {
            Object v = values.get(s);
            out.append(s.name()).append('=').append(s.secret() ? (v == null ? "<unset>" : "<set>") : v).append(", ");
        }
        return out.append('}').toString();
    }
}
