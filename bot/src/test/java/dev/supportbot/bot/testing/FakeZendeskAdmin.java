package dev.supportbot.bot.testing;

import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/**
 * Zendesk's admin API at the far side of the wire for the set-up commands: MockServer answering from an in-memory
 * model of macros, triggers, trigger categories, webhooks, groups and users, so that what sync writes shows in what
 * compare reads next. Lists come in pages of {@link #PAGE_SIZE} to exercise pagination. Every request is recorded
 * and checked against Zendesk's API descriptions when the fake closes ({@link VendorContracts}).
 */
public final class FakeZendeskAdmin implements AutoCloseable {
    public static final String EMAIL = "bot@vendor.example";
    public static final String TOKEN = "zd-admin-token-123";
    public static final long BOT_USER_ID = 7001;
    public static final int PAGE_SIZE = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
            (EMAIL + "/token:" + TOKEN).getBytes(StandardCharsets.UTF_8));
    private static final Pattern ONE = Pattern.compile("/api/v2/(macros|triggers)/(\\d+)\\.json");
    private static final Pattern WEBHOOK = Pattern.compile("/api/v2/webhooks/([A-Za-z0-9]+)");
    private static final Pattern SECRET = Pattern.compile("/api/v2/webhooks/([A-Za-z0-9]+)/signing_secret");

    private final ClientAndServer server = ClientAndServer.startClientAndServer();
    public final Map<Long, ObjectNode> macros = new LinkedHashMap<>();
    public final Map<Long, ObjectNode> triggers = new LinkedHashMap<>();
    public final Map<String, ObjectNode> webhooks = new LinkedHashMap<>();
    public final Map<String, String> categories = new LinkedHashMap<>();
    public final Map<String, Long> groups = new LinkedHashMap<>();
    public final Map<String, Long> users = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong(360000);

    public FakeZendeskAdmin() {
        users.put(EMAIL, BOT_USER_ID);
        server.when(request()).respond(this::answer);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    public ClientAndServer server() {
        return server;
    }

    public static String secretOf(String webhookId) {
        return "generated-signing-secret-of-" + webhookId;
    }

    /** A macro made by hand in Zendesk, as Zendesk returns it. */
    public synchronized long addMacro(String json) {
        long id = ids.incrementAndGet();
        macros.put(id, stored(json, id));
        return id;
    }

    public synchronized long addTrigger(String json) {
        long id = ids.incrementAndGet();
        triggers.put(id, stored(json, id));
        return id;
    }

    public synchronized String addWebhook(String json) {
        String id = "01WH" + ids.incrementAndGet();
        ObjectNode webhook = stored(json, 0);
        webhook.put("id", id);
        webhooks.put(id, webhook);
        return id;
    }

    public synchronized String addCategory(String name) {
        String id = Long.toString(ids.incrementAndGet());
        categories.put(id, name);
        return id;
    }

    /** The bodies of the recorded requests of a method and path (a regex), in order. */
    public List<JsonNode> bodies(String method, String pathRegex) {
        List<JsonNode> bodies = new ArrayList<>();
        for (HttpRequest r : server.retrieveRecordedRequests(request().withMethod(method))) {
            if (r.getPath().getValue().matches(pathRegex)) bodies.add(read(r.getBodyAsString()));
        }
        return bodies;
    }

    public int writes() {
        int n = 0;
        for (HttpRequest r : server.retrieveRecordedRequests(request())) if (!r.getMethod().getValue().equals("GET")) n++;
        return n;
    }

    private synchronized HttpResponse answer(HttpRequest r) {
        if (!AUTH.equals(r.getFirstHeader("Authorization"))) return json(401, "{\"error\":\"Couldn't authenticate you\"}");
        String method = r.getMethod().getValue();
        String path = r.getPath().getValue();
        Matcher m;
        if (method.equals("GET")) {
            switch (path) {
                case "/api/v2/macros.json":
                    return offsetPage(r, "macros", new ArrayList<>(macros.values()));
                case "/api/v2/triggers.json":
                    return offsetPage(r, "triggers", new ArrayList<>(triggers.values()));
                case "/api/v2/groups.json": {
                    List<ObjectNode> list = new ArrayList<>();
                    groups.forEach((name, id) -> list.add(JSON.createObjectNode().put("id", id).put("name", name)));
                    return offsetPage(r, "groups", list);
                }
                case "/api/v2/users/search.json": {
                    String email = r.getFirstQueryStringParameter("query").replaceFirst("^email:", "");
                    ObjectNode body = JSON.createObjectNode().putNull("next_page");
                    ArrayNode found = body.putArray("users");
                    users.forEach((e, id) -> {
                        if (e.equalsIgnoreCase(email)) found.addObject().put("id", id).put("email", e).put("name", "someone");
                    });
                    return json(200, body.toString());
                }
                case "/api/v2/webhooks":
                    return cursorPage("webhooks", new ArrayList<>(webhooks.values()));
                case "/api/v2/trigger_categories": {
                    List<ObjectNode> list = new ArrayList<>();
                    categories.forEach((id, name) -> list.add(JSON.createObjectNode().put("id", id).put("name", name).put("position", 0)));
                    return cursorPage("trigger_categories", list);
                }
                default:
                    break;
            }
            if ((m = SECRET.matcher(path)).matches() && webhooks.containsKey(m.group(1))) {
                return json(200, "{\"signing_secret\":{\"algorithm\":\"sha256\",\"secret\":\"" + secretOf(m.group(1)) + "\"}}");
            }
            return json(404, "{\"error\":\"RecordNotFound\"}");
        }
        JsonNode body = read(r.getBodyAsString());
        if (method.equals("POST")) {
            switch (path) {
                case "/api/v2/macros.json": {
                    long id = ids.incrementAndGet();
                    macros.put(id, stored(body.get("macro").toString(), id));
                    return json(201, JSON.createObjectNode().set("macro", macros.get(id)).toString());
                }
                case "/api/v2/triggers.json": {
                    long id = ids.incrementAndGet();
                    triggers.put(id, stored(body.get("trigger").toString(), id));
                    return json(201, JSON.createObjectNode().set("trigger", triggers.get(id)).toString());
                }
                case "/api/v2/webhooks": {
                    String id = addWebhook(body.get("webhook").toString());
                    return json(201, JSON.createObjectNode().set("webhook", webhooks.get(id)).toString());
                }
                case "/api/v2/trigger_categories": {
                    String id = addCategory(body.path("trigger_category").path("name").asText());
                    return json(200, "{\"trigger_category\":{\"id\":\"" + id + "\",\"name\":" + body.path("trigger_category").path("name") + "}}");
                }
                default:
                    return json(404, "{\"error\":\"InvalidEndpoint\"}");
            }
        }
        if (method.equals("PUT")) {
            if ((m = ONE.matcher(path)).matches()) {
                Map<Long, ObjectNode> objects = m.group(1).equals("macros") ? macros : triggers;
                long id = Long.parseLong(m.group(2));
                if (!objects.containsKey(id)) return json(404, "{\"error\":\"RecordNotFound\"}");
                String key = m.group(1).equals("macros") ? "macro" : "trigger";
                objects.get(id).setAll((ObjectNode) body.get(key));
                return json(200, JSON.createObjectNode().set(key, objects.get(id)).toString());
            }
            if ((m = WEBHOOK.matcher(path)).matches() && webhooks.containsKey(m.group(1))) {
                webhooks.get(m.group(1)).setAll((ObjectNode) body.get("webhook"));
                return response().withStatusCode(204);
            }
        }
        return json(404, "{\"error\":\"InvalidEndpoint\"}");
    }

    private HttpResponse offsetPage(HttpRequest r, String key, List<ObjectNode> all) {
        String pageParam = r.getFirstQueryStringParameter("page");
        int page = pageParam.isEmpty() ? 1 : Integer.parseInt(pageParam);
        int from = (page - 1) * PAGE_SIZE;
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray(key);
        all.subList(Math.min(from, all.size()), Math.min(from + PAGE_SIZE, all.size())).forEach(list::add);
        if (from + PAGE_SIZE < all.size()) {
            body.put("next_page", url() + r.getPath().getValue() + "?per_page=" + PAGE_SIZE + "&page=" + (page + 1));
        } else {
            body.putNull("next_page");
        }
        body.put("count", all.size());
        return json(200, body.toString());
    }

    private static HttpResponse cursorPage(String key, List<ObjectNode> all) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray(key);
        all.forEach(list::add);
        body.putObject("meta").put("has_more", false).putNull("after_cursor");
        body.putObject("links").putNull("next");
        return json(200, body.toString());
    }

    private static ObjectNode stored(String json, long id) {
        ObjectNode node = (ObjectNode) read(json);
        if (id != 0) {
            node.put("id", id);
            node.put("url", "https://example.zendesk.com/api/v2/objects/" + id + ".json");
        }
        node.put("created_at", "2026-11-22T10:00:00Z");
        return node;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static HttpResponse json(int status, String body) {
        return response().withStatusCode(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Override
    public void close() {
        try {
            VendorContracts.assertKept(VendorContracts.Api.ZENDESK, server);
        } finally {
            server.stop();
        }
    }
}
