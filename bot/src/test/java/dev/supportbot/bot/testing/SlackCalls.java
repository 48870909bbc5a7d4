package dev.supportbot.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Slack's calls in the shape its Web API description declares. Slack takes every method's arguments as a GET query
 * or a POST form or JSON body, boolean arguments as {@code true}/{@code 1} and {@code false}/{@code 0}, and the token
 * as {@code Authorization: Bearer} (Slack's Web API reference, "Basics"); its description names one method per
 * operation, each argument in one place with its type, and the token as a {@code token} header or query parameter.
 * The Slack SDK's POST forms are therefore checked as the call the description names, with the same arguments and
 * the token where it wants it: an argument missing, misnamed or of the wrong type still fails.
 */
final class SlackCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode SPEC = VendorSpecs.read("slack-web-openapi-v2.json", JSON);

    private SlackCalls() {}

    /** Null for a method the description does not have: the validator then reports the missing operation. */
    static VendorCall asDescribed(String sentMethod, String path, Map<String, List<String>> query,
                                  Map<String, List<String>> headers, String body) {
        Operation op = operation(path);
        if (op == null) return null;
        Map<String, List<String>> args = new LinkedHashMap<>(query);
        Map<String, List<String>> h = new LinkedHashMap<>(headers);
        String contentType = VendorCall.first(h, "content-type");
        String unreadable = null;
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            VendorContracts.query(body).forEach((k, v) -> args.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        } else if (body != null && !body.isBlank()) {
            JsonNode object = jsonObject(body);
            if (object == null) unreadable = body; // checked as sent, and refused
            else object.fields().forEachRemaining(f -> args.put(f.getKey(),
                    List.of(f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString())));
        }
        h.remove("content-type");
        String bearer = VendorCall.first(h, "authorization");
        if (bearer != null && bearer.startsWith("Bearer ")) args.put("token", List.of(bearer.substring("Bearer ".length())));
        Map<String, List<String>> q = new LinkedHashMap<>();
        Map<String, Object> form = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> arg : args.entrySet()) {
            JsonNode declared = op.parameters.get(arg.getKey());
            String in = declared == null ? (op.method.equals("GET") ? "query" : "formData") : declared.path("in").asText();
            String type = declared == null ? "string" : declared.path("type").asText("string");
            String value = arg.getValue().isEmpty() ? "" : arg.getValue().get(0);
            switch (in) {
                case "header" -> h.put(arg.getKey(), List.of(value));
                case "query" -> q.put(arg.getKey(), List.of(String.valueOf(typed(type, value))));
                default -> form.put(arg.getKey(), typed(type, value));
            }
        }
        String b = unreadable;
        if (unreadable != null) {
            h.put("content-type", List.of("application/json"));
        } else if (!form.isEmpty()) {
            h.put("content-type", List.of(op.takesJson ? "application/json" : "application/x-www-form-urlencoded"));
            b = op.takesJson ? json(form) : form(form);
        }
        return new VendorCall(sentMethod, path, op.method, path, q, h, b);
    }

    /** An operation as the description gives it: its one method, whether it takes JSON, its arguments by name. */
    private record Operation(String method, boolean takesJson, Map<String, JsonNode> parameters) {}

    private static Operation operation(String path) {
        String basePath = SPEC.path("basePath").asText("");
        JsonNode item = SPEC.path("paths").path(path.startsWith(basePath) ? path.substring(basePath.length()) : path);
        String method = item.has("post") ? "post" : item.has("get") ? "get" : null;
        if (method == null) return null;
        JsonNode op = item.path(method);
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        op.path("parameters").forEach(parameter -> parameters.put(parameter.path("name").asText(), parameter));
        boolean takesJson = false;
        for (JsonNode type : op.path("consumes")) takesJson |= type.asText().equals("application/json");
        return new Operation(method.toUpperCase(Locale.ROOT), takesJson, parameters);
    }

    private static Object typed(String type, String value) {
        switch (type) {
            case "boolean":
                if (value.equals("1") || value.equals("true")) return true;
                if (value.equals("0") || value.equals("false")) return false;
                return value;
            case "integer":
            case "number":
                try {
                    return new BigDecimal(value);
                } catch (NumberFormatException e) {
                    return value;
                }
            default:
                return value;
        }
    }

    private static JsonNode jsonObject(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String json(Map<String, Object> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String form(Map<String, Object> values) {
        StringBuilder out = new StringBuilder();
        values.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
        return out.toString();
    }
}
