package dev.supportbot.workflows.engine;

import java.time.Duration;
import java.util.List;

/**
 * A setting a workflow declares: the bot lists it with its own settings (file key, environment variable, default,
 * meaning), parses it at start-up and hands the value to every decision in {@link Context#settings()}.
 */
public record WorkflowSetting<T>(String key, String env, String defaultText, String meaning, Type type, Class<T> valueType) {

    public enum Type { DURATION, INTEGER, LIST, TEXT }

    /** How the settings' meanings name workflow {@code kind}, e.g. "add contact" for {@code add_contact}. */
    public static String named(String kind) {
        return kind.replace('_', ' ');
    }

    public static WorkflowSetting<Duration> duration(String key, String env, String defaultText, String meaning) {
        return new WorkflowSetting<>(key, env, defaultText, meaning, Type.DURATION, Duration.class);
    }

    public static WorkflowSetting<Integer> integer(String key, String env, String defaultText, String meaning) {
        return new WorkflowSetting<>(key, env, defaultText, meaning, Type.INTEGER, Integer.class);
    }

    public static WorkflowSetting<String> text(String key, String env, String defaultText, String meaning) {
        return new WorkflowSetting<>(key, env, defaultText, meaning, Type.TEXT, String.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static WorkflowSetting<List<String>> list(String key, String env, String defaultText, String meaning) {
        return new WorkflowSetting<>(key, env, defaultText, meaning, Type.LIST, (Class) List.class);
    }

    /** The default, parsed the way the bot parses a configured value. */
    public T defaultValue() {
        return valueType.cast(switch (type) {
            case DURATION -> WorkflowSettings.parseDuration(defaultText);
            case INTEGER -> Integer.valueOf(defaultText.trim());
            case TEXT -> defaultText.trim();
            case LIST -> defaultText.isBlank() ? List.of()
                    : List.of(defaultText.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        });
    }
}
