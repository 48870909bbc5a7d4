package dev.supportbot.bot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads {@code bot.yaml} (optional), then the environment, and validates every setting. The file holds no secrets:
 * a secret found there is an error, as is an unknown key.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Function<String, String> env;

    public ConfigLoader(Function<String, String> env) {
        this.env = env;
    }

    public static ConfigLoader fromSystemEnv() {
        return new ConfigLoader(System::getenv);
    }

    /** Loads {@code file} when given, else {@code config/bot.yaml} when it exists, else built-in defaults. */
    public BotConfig load(Path file) {
        Path chosen = file;
        if (chosen == null) {
            Path conventional = Path.of("config", "bot.yaml");
            chosen = Files.isRegularFile(conventional) ? conventional : null;
        } else if (!Files.isRegularFile(chosen)) {
            throw new ConfigException("config file " + chosen + ": not found");
        }
        return resolve(chosen == null ? Map.of() : readFile(chosen));
    }

    public BotConfig resolve(Map<String, String> fileValues) {
        Map<String, Setting<?>> byKey = new HashMap<>();
        for (Setting<?> s : Settings.ALL) if (s.inFile()) byKey.put(s.key(), s);
        for (String key : fileValues.keySet()) {
            if (!byKey.containsKey(key)) throw new ConfigException(key + ": unknown configuration key");
        }
        Map<Setting<?>, Object> values = new HashMap<>();
        for (Setting<?> s : Settings.ALL) {
            String fromEnv = env.apply(s.env());
            boolean inFile = s.inFile() && fileValues.containsKey(s.key());
            String raw = fromEnv != null ? fromEnv : inFile ? fileValues.get(s.key()) : s.defaultText();
            String source = fromEnv != null ? s.env() : s.name();
            Object value = parse(s, raw, source);
            if (value == null) value = s.whenUnset();
            if (value != null) values.put(s, value);
        }
        for (List<Setting<Duration>> pair : Settings.ORDERED) requireOrder(values, pair.get(0), pair.get(1));
        BotConfig config = new BotConfig(values);
        WorkflowConfig.check(config);
        return config;
    }

    private static Object parse(Setting<?> s, String raw, String source) {
        if (raw == null) return null;
        if (raw.isBlank()) {
            // Only an optional setting (no default) may be given empty; for any other an empty value is a mistake
            // (e.g. BOT_PORT= in a compose file), not a request for the default.
            if (s.optional()) return null;
            throw new ConfigException(source + ": is empty; remove it to use the default (" + s.defaultText() + ")");
        }
        try {
            return s.parser().apply(raw);
        } catch (IllegalArgumentException e) {
            // The value itself is only echoed for non-secrets: parsers quote it, so drop the message for secrets.
            throw new ConfigException(source + ": " + (s.secret() ? "invalid value" : e.getMessage()));
        }
    }

    private static void requireOrder(Map<Setting<?>, Object> values, Setting<Duration> shorter, Setting<Duration> longer) {
        Duration a = (Duration) values.get(shorter);
        Duration b = (Duration) values.get(longer);
        if (a != null && b != null && a.compareTo(b) > 0) {
            throw new ConfigException(shorter.name() + ": must not be longer than " + longer.name());
        }
    }

    private static Map<String, String> readFile(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new ConfigException("config file " + file + ": not valid YAML (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        } catch (IOException e) {
            throw new ConfigException("config file " + file + ": cannot be read (" + e.getMessage() + ")");
        }
        Map<String, String> flat = new LinkedHashMap<>();
        if (root == null || root.isNull() || root.isMissingNode()) return flat;
        if (!root.isObject()) throw new ConfigException("config file " + file + ": must be a YAML mapping");
        flatten("", root, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var field = it.next();
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) flatten(key, value, out);
            else if (value.isArray()) {
                StringBuilder joined = new StringBuilder();
                value.forEach(v -> joined.append(joined.length() == 0 ? "" : ",").append(v.asText()));
                out.put(key, joined.toString());
            } else out.put(key, value.isNull() ? "" : value.asText());
        }
    }
}
