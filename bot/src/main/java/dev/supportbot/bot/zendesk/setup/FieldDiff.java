package dev.supportbot.bot.zendesk.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One top-level field whose live value differs from the file's. Only what the file sets is compared, and a live
 * object is read in the file's shape: Zendesk's own extra fields (ids, urls, timestamps) are no difference, and
 * {@code 1}, {@code "1"}, and a missing, null or empty value compare as Zendesk treats them, alike.
 */
public record FieldDiff(String field, JsonNode live, JsonNode wanted) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static List<FieldDiff> between(JsonNode live, ObjectNode wanted) {
        List<FieldDiff> diffs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = wanted.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode want = normal(field.getValue());
            JsonNode have = project(live.path(field.getKey()), field.getValue());
            if (!want.equals(have)) diffs.add(new FieldDiff(field.getKey(), have, want));
        }
        return diffs;
    }

    private static JsonNode normal(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) return NODES.nullNode();
        if (node.isObject()) {
            ObjectNode out = NODES.objectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), normal(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(n -> out.add(normal(n)));
            return out;
        }
        String text = node.asText();
        return text.isEmpty() ? NODES.nullNode() : NODES.textNode(text);
    }

    private static JsonNode project(JsonNode live, JsonNode shape) {
        if (shape.isObject() && live.isObject()) {
            ObjectNode out = NODES.objectNode();
            shape.fieldNames().forEachRemaining(k -> out.set(k, project(live.path(k), shape.get(k))));
            return out;
        }
        if (shape.isArray() && live.isArray()) {
            ArrayNode out = NODES.arrayNode();
            for (int i = 0; i < live.size(); i++) out.add(i < shape.size() ? project(live.get(i), shape.get(i)) : normal(live.get(i)));
            return out;
        }
        return normal(live);
    }

    @Override
    public String toString() {
        return field + ": " + live + " -> " + wanted;
    }
}
