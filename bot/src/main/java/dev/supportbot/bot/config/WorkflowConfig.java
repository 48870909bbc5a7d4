package dev.supportbot.bot.config;

import dev.supportbot.workflows.Workflows;
import dev.supportbot.workflows.engine.SignOff;
import dev.supportbot.workflows.engine.Workflow;
import dev.supportbot.workflows.engine.WorkflowSetting;
import dev.supportbot.workflows.engine.WorkflowSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registered workflows' own settings ({@link Workflow#settings()}) as settings of the bot: in {@link Settings#ALL}
 * (so in {@code bot.yaml}, the environment, {@code config table} and {@code config check}), parsed with the bot's
 * parsers within one range per type, checked together by their workflow when the configuration loads, and handed to
 * every decision as {@link WorkflowSettings}.
 */
public final class WorkflowConfig {
    static final String DURATION_MIN = "1m";
    static final String DURATION_MAX = "365d";
    static final int INTEGER_MIN = 0;
    static final int INTEGER_MAX = 1_000_000;

    private static final Map<WorkflowSetting<?>, Setting<?>> SETTINGS = new LinkedHashMap<>();

    static {
        List<WorkflowSetting<?>> declared = new ArrayList<>(List.of(SignOff.SETTING));
        for (Workflow<?> workflow : Workflows.ALL.all()) declared.addAll(workflow.settings());
        // a setting of the approval gate is declared by every workflow that plugs in; the same setting counts once
        for (WorkflowSetting<?> s : declared) SETTINGS.computeIfAbsent(s, WorkflowConfig::setting);
    }

    private WorkflowConfig() {}

    static List<Setting<?>> settings() {
        return List.copyOf(SETTINGS.values());
    }

    /** The configured values of every workflow setting. */
    public static WorkflowSettings values(BotConfig config) {
        WorkflowSettings values = WorkflowSettings.defaults();
        for (WorkflowSetting<?> s : SETTINGS.keySet()) values = with(values, s, config.get(SETTINGS.get(s)));
        return values;
    }

    /** Each workflow checks how its settings fit together; a misfit is a configuration error naming the setting. */
    static void check(BotConfig config) {
        WorkflowSettings values = values(config);
        for (Workflow<?> workflow : Workflows.ALL.all()) {
            try {
                workflow.checkSettings(values);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage());
            }
        }
    }

    private static <T> WorkflowSettings with(WorkflowSettings values, WorkflowSetting<T> setting, Object value) {
        return value == null ? values : values.with(setting, setting.valueType().cast(value));
    }

    private static Setting<?> setting(WorkflowSetting<?> s) {
        return switch (s.type()) {
            case DURATION -> Setting.of(s.key(), s.env(), s.defaultText(), s.meaning() + " (" + DURATION_MIN + ".." + DURATION_MAX + ")",
                    Parsers.durationRange(DURATION_MIN, DURATION_MAX));
            case INTEGER -> Setting.of(s.key(), s.env(), s.defaultText(), s.meaning() + " (" + INTEGER_MIN + ".." + INTEGER_MAX + ")",
                    Parsers.intRange(INTEGER_MIN, INTEGER_MAX));
            case LIST -> Setting.list(s.key(), s.env(), s.defaultText(), s.meaning());
            case TEXT -> Setting.of(s.key(), s.env(), s.defaultText(), s.meaning(), Parsers::text);
        };
    }

    static List<Setting<?>> joined(List<Setting<?>> core) {
        List<Setting<?>> all = new ArrayList<>(core);
        for (Setting<?> s : settings()) {
            for (Setting<?> other : all) {
                if (s.key().equals(other.key()) || s.env().equals(other.env())) {
                    throw new IllegalStateException("workflow setting " + s.key() + " clashes with " + other.name());
                }
            }
            all.add(s);
        }
        return List.copyOf(all);
    }
}
