package dev.supportbot.bot.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** config/portal-api.yaml, read for tests that hold the client and the sandbox to it. */
public record PortalApiDocument(JsonNode root) {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

    public static PortalApiDocument load() {
        try {
            return new PortalApiDocument(new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "config", "portal-api.yaml").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One operation: its method (upper case), path, and its own node and its path's node. */
    public record Operation(String method, String path, JsonNode node, JsonNode pathItem) {
        public String describe() {
            return method + " " + path;
        }

        public boolean changes() {
            return !method.equals("GET") && !node.path("x-safe").asBoolean(false);
        }

        /** The $refs of its parameters and of its path's parameters. */
        public List<String> parameterRefs() {
            List<String> refs = new ArrayList<>();
            for (JsonNode p : pathItem.path("parameters")) refs.add(p.path("$ref").asText());
            for (JsonNode p : node.path("parameters")) refs.add(p.path("$ref").asText());
            return refs;
        }
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (METHODS.contains(op.getKey())) {
                    operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue(), path.getValue()));
                }
            }
        }
        return operations;
    }

    /** Every {@code $ref} anywhere in the document. */
    public List<String> refs() {
        List<String> refs = new ArrayList<>();
        collectRefs(root, refs);
        return refs;
    }

    public boolean resolves(String ref) {
        return ref.startsWith("#/") && !root.at(ref.substring(1)).isMissingNode();
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) refs.add(node.get("$ref").asText());
        for (JsonNode child : node) collectRefs(child, refs);
    }
}
