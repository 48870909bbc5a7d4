package dev.supportbot.bot.zendesk.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a set-up file into the JSON body Zendesk's API expects, with variables expanded and references resolved to
 * ids: groups and users looked up in Zendesk, webhooks and trigger categories by name. A webhook or category that
 * does not exist yet (sync creates it first) stands as a readable placeholder until then.
 */
final class Resolver {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ZendeskObjects zendesk;
    private final Variables variables;
    private final Map<String, String> webhooks = new HashMap<>();
    private final Map<String, String> categories = new HashMap<>();
    private final Map<String, Long> users = new HashMap<>();
    private Map<String, Long> groups;

    Resolver(ZendeskObjects zendesk, Variables variables) {
        this.zendesk = zendesk;
        this.variables = variables;
    }

    void webhook(String name, String id) {
        webhooks.putIfAbsent(name, id);
    }

    /** A file's webhook found in Zendesk (perhaps under its previous name): references by the file's title mean it. */
    void webhookMatched(String name, String id) {
        webhooks.put(name, id);
    }

    void category(String name, String id) {
        categories.putIfAbsent(name, id);
    }

    boolean hasCategory(String name) {
        return categories.containsKey(name);
    }

    static String placeholder(String what, String name) {
        return "(id of the new " + what + " '" + name + "')";
    }

    ObjectNode body(SetupObject o) {
        ObjectNode body = NODES.objectNode();
        switch (o.kind()) {
            case WEBHOOK -> {
                body.put("name", o.title());
                body.put("status", o.yaml().path("active").asBoolean() ? "active" : "inactive");
                body.put("endpoint", variables.expand(o.text("endpoint")));
                body.put("http_method", o.text("http_method"));
                body.put("request_format", o.text("request_format"));
                body.set("subscriptions", o.yaml().path("subscriptions").deepCopy());
                body.put("description", description(o));
            }
            case MACRO -> {
                body.put("title", o.title());
                body.put("active", o.yaml().path("active").asBoolean());
                body.put("description", description(o));
                body.set("actions", actions(o));
                body.set("restriction", restriction(o));
            }
            case TRIGGER -> {
                body.put("title", o.title());
                body.put("active", o.yaml().path("active").asBoolean());
                body.put("position", o.yaml().path("position").asLong());
                body.put("description", description(o));
                String category = o.text("category");
                body.put("category_id", categories.getOrDefault(category, placeholder("trigger category", category)));
                ObjectNode conditions = body.putObject("conditions");
                for (String group : new String[] {"all", "any"}) {
                    ArrayNode list = conditions.putArray(group);
                    for (JsonNode c : o.yaml().path("conditions").path(group)) {
                        ObjectNode condition = list.addObject();
                        condition.put("field", c.path("field").asText());
                        condition.put("operator", c.path("operator").asText());
                        if (c.has("value")) condition.set("value", value(c.get("value")));
                    }
                }
                body.set("actions", actions(o));
            }
        }
        return body;
    }

    private static String description(SetupObject o) {
        String description = o.text("description");
        return description == null ? "" : description.strip();
    }

    private ArrayNode actions(SetupObject o) {
        ArrayNode actions = NODES.arrayNode();
        for (JsonNode a : o.yaml().path("actions")) {
            actions.addObject().put("field", a.path("field").asText()).set("value", value(a.path("value")));
        }
        return actions;
    }

    private JsonNode restriction(SetupObject o) {
        String text = o.text("restriction");
        if (text == null || text.isBlank()) return NODES.nullNode();
        Reference ref = Reference.parse(variables.expand(text))
                .orElseThrow(() -> new SetupException(o.file() + ": bad restriction '" + text + "'"));
        ObjectNode restriction = NODES.objectNode();
        long id = id(ref, o);
        restriction.put("type", ref.type().name()).put("id", id);
        if (ref.type() == Reference.Type.Group) restriction.putArray("ids").add(id);
        return restriction;
    }

    /** Values keep their shape; strings have variables expanded and a reference replaced by the id it names. */
    private JsonNode value(JsonNode value) {
        if (value.isArray()) {
            ArrayNode out = NODES.arrayNode();
            value.forEach(v -> out.add(value(v)));
            return out;
        }
        if (!value.isTextual()) return value.deepCopy();
        String text = variables.expand(value.asText());
        return Reference.parse(text).<JsonNode>map(ref -> NODES.textNode(idText(ref))).orElse(NODES.textNode(text));
    }

    private String idText(Reference ref) {
        if (ref.type() == Reference.Type.Webhook) return webhooks.getOrDefault(ref.name(), placeholder("webhook", ref.name()));
        return Long.toString(id(ref, null));
    }

    private long id(Reference ref, SetupObject o) {
        return switch (ref.type()) {
            case Group -> {
                if (groups == null) {
                    groups = new HashMap<>();
                    for (JsonNode g : zendesk.groups()) groups.put(g.path("name").asText(), g.path("id").asLong());
                }
                Long id = groups.get(ref.name());
                if (id == null) throw new SetupException("'" + ref + "' names no group in Zendesk");
                yield id;
            }
            case User -> users.computeIfAbsent(ref.name().toLowerCase(Locale.ROOT), email -> zendesk.userByEmail(email)
                    .orElseThrow(() -> new SetupException("'" + ref + "' names no user in Zendesk")));
            case Webhook -> throw new SetupException("'" + ref + "' cannot be used here" + (o == null ? "" : " (" + o.file() + ")"));
        };
    }
}
