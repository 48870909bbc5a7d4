package dev.supportbot.bot.zendesk.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;

/** One object file: its kind, the folder it is in, its YAML and the line of every value (by JSON pointer). */
public record SetupObject(SetupKind kind, Path file, String folder, ObjectNode yaml, Map<String, Integer> lines) {

    public String title() {
        return text("title");
    }

    /** The title the object had in Zendesk before a rename, or null. */
    public String previousTitle() {
        return text("previous_title");
    }

    public String text(String key) {
        JsonNode value = yaml.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The line of the value at {@code pointer} (e.g. "/actions/0/value"), or of its nearest parent. */
    public int line(String pointer) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            Integer line = lines.get(p);
            if (line != null) return line;
            if (p.isEmpty()) return 1;
        }
    }

    public Problem problem(String pointer, String message) {
        return new Problem(file, line(pointer), message);
    }
}
