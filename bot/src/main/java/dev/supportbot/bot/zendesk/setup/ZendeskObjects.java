package dev.supportbot.bot.zendesk.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The Zendesk endpoints of the set-up objects, their categories, and the groups and users references name. */
final class ZendeskObjects {
    private final ZendeskAdminApi api;

    ZendeskObjects(ZendeskAdminApi api) {
        this.api = api;
    }

    String url() {
        return api.url();
    }

    List<JsonNode> list(SetupKind kind) {
        return switch (kind) {
            case MACRO -> api.list("list macros", "/api/v2/macros.json?per_page=100", "macros");
            case TRIGGER -> api.list("list triggers", "/api/v2/triggers.json?per_page=100", "triggers");
            case WEBHOOK -> api.list("list webhooks", "/api/v2/webhooks?page%5Bsize%5D=100", "webhooks");
        };
    }

    /** The title a live object is matched by: a webhook's {@code name}, the others' {@code title}. */
    static String title(SetupKind kind, JsonNode live) {
        return live.path(kind == SetupKind.WEBHOOK ? "name" : "title").asText("");
    }

    /** Creates the object; returns its id. */
    String create(SetupKind kind, ObjectNode body) {
        JsonNode created = api.post("create " + kind.label() + " '" + body.path(titleKey(kind)).asText() + "'",
                collection(kind), wrap(kind, body));
        String id = created.path(kind.label()).path("id").asText("");
        if (id.isEmpty()) throw new SetupException("Zendesk created the " + kind.label() + " but answered without its id");
        return id;
    }

    void update(SetupKind kind, String id, ObjectNode body) {
        String path = switch (kind) {
            case MACRO -> "/api/v2/macros/" + id + ".json";
            case TRIGGER -> "/api/v2/triggers/" + id + ".json";
            case WEBHOOK -> "/api/v2/webhooks/" + id;
        };
        api.put("update " + kind.label() + " " + id, path, wrap(kind, body));
    }

    /** The secret Zendesk generated for a webhook; the caller shows it to the operator once and keeps it nowhere. */
    String signingSecret(String webhookId) {
        String secret = api.get("read the signing secret of webhook " + webhookId,
                "/api/v2/webhooks/" + webhookId + "/signing_secret").path("signing_secret").path("secret").asText("");
        if (secret.isEmpty()) throw new SetupException("Zendesk answered without the signing secret of webhook " + webhookId);
        return secret;
    }

    List<JsonNode> triggerCategories() {
        return api.list("list trigger categories", "/api/v2/trigger_categories?page%5Bsize%5D=100", "trigger_categories");
    }

    String createTriggerCategory(String name) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("trigger_category").put("name", name);
        String id = api.post("create trigger category '" + name + "'", "/api/v2/trigger_categories", body)
                .path("trigger_category").path("id").asText("");
        if (id.isEmpty()) throw new SetupException("Zendesk created the trigger category but answered without its id");
        return id;
    }

    List<JsonNode> groups() {
        return api.list("list groups", "/api/v2/groups.json?per_page=100", "groups");
    }

    /** The id of the user whose email is exactly {@code email}, if there is one. */
    Optional<Long> userByEmail(String email) {
        String query = URLEncoder.encode("email:" + email, StandardCharsets.UTF_8);
        for (JsonNode user : api.list("find user " + email, "/api/v2/users/search.json?query=" + query, "users")) {
            if (user.path("email").asText("").equalsIgnoreCase(email) && user.path("id").canConvertToLong()) {
                return Optional.of(user.get("id").asLong());
            }
        }
        return Optional.empty();
    }

    private static String titleKey(SetupKind kind) {
        return kind == SetupKind.WEBHOOK ? "name" : "title";
    }

    private static String collection(SetupKind kind) {
        return switch (kind) {
            case MACRO -> "/api/v2/macros.json";
            case TRIGGER -> "/api/v2/triggers.json";
            case WEBHOOK -> "/api/v2/webhooks";
        };
    }

    private static ObjectNode wrap(SetupKind kind, ObjectNode body) {
        ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
        wrapped.set(kind.label(), body);
        return wrapped;
    }
}
