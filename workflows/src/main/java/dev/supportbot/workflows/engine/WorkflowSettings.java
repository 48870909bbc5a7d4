package dev.supportbot.workflows.engine;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The values of the workflows' {@link WorkflowSetting}s as configured; a setting not given has its default. */
public final class WorkflowSettings {
    private static final WorkflowSettings DEFAULTS = new WorkflowSettings(Map.of());

    private final Map<String, Object> values;

    private WorkflowSettings(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    public static WorkflowSettings defaults() {
        return DEFAULTS;
    }

    public <T> T get(WorkflowSetting<T> setting) {
        Object value = values.get(setting.key());
        return value == null ? setting.defaultValue() : setting.valueType().cast(value);
    }

    public <T> WorkflowSettings with(WorkflowSetting<T> setting, T value) {
        Map<String, Object> next = new HashMap<>(values);
        next.put(setting.key(), setting.valueType().cast(value));
        return new WorkflowSettings(next);
    }

    /** {@code 90s}, {@code 15m}, {@code 2h}, {@code 3d}: the bot's duration format. */
    static Duration parseDuration(String text) {
        String t = text.trim();
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("not a duration: " + text);
        };
    }
}
