package dev.supportbot.workflows.ownership;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * JSON pasted into a ticket, read with Jackson, tolerant of what mail clients do to it: the first object in the text
 * is read and what follows is ignored; curly quotes count as straight quotes, a line break inside a string is kept,
 * and an unknown backslash escape stands for the character itself.
 */
final class PastedJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();

    private PastedJson() {}

    /** The first JSON object in {@code text}, if one parses. */
    static Optional<JsonNode> firstObject(String text) {
        if (text == null) return Optional.empty();
        String normalised = text.replace('\u201C', '"').replace('\u201D', '"');
        for (int start = normalised.indexOf('{'); start >= 0; start = normalised.indexOf('{', start + 1)) {
            try (JsonParser parser = MAPPER.createParser(normalised.substring(start))) {
                JsonNode object = MAPPER.readTree(parser);
                if (object != null && object.isObject()) return Optional.of(object);
            } catch (IOException e) {
                // not JSON from here: try the next brace
            }
        }
        return Optional.empty();
    }

    /** The value at a dotted path of nested objects, e.g. {@code plan.code}; empty when absent or JSON null. */
    static Optional<JsonNode> at(JsonNode object, String path) {
        JsonNode current = object;
        for (String part : path.split("\\.")) {
            if (!current.isObject() || !current.has(part)) return Optional.empty();
            current = current.get(part);
        }
        return current.isNull() ? Optional.empty() : Optional.of(current);
    }
}
