package dev.supportbot.bot.helpdesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportbot.bot.http.ApiError;
import dev.supportbot.bot.http.BearerToken;
import dev.supportbot.bot.http.HmacSignatures;
import dev.supportbot.bot.http.HttpRoutes;
import dev.supportbot.bot.json.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The Slack Web API methods the bot calls, under {@link SandboxSettings#SLACK_API_PATH} ({@code chat.postMessage},
 * {@code chat.update}, {@code users.lookupByEmail}, {@code users.info}, {@code usergroups.users.list}, {@code views.open}, and
 * {@code conversations.history} to read the channel back, {@code auth.test}, which the Slack SDK calls to learn the
 * token's team), the response URLs it hands out with clicks and commands, and the console's endpoints that click a
 * button, submit or close a modal, or type a {@code /lnr} command as a chosen Slack user.
 */
final class SlackStandInRoutes implements HttpRoutes {
    /** Slack accepts five answers through one response URL. */
    static final int RESPONSE_URL_USES = 5;
    /** Slack takes at most 4,000 characters after the command. */
    static final int COMMAND_MAX = 4000;
    static final String BOT_USER = "U0SUPPORTBOT";

    private final SlackStore store;
    private final SlackInteractions interactions;
    private final String token;
    private final String team;
    private final Gate consoleGate;

    /** Who may click and submit as a chosen Slack user: anyone (sandbox mode), or only with this bearer token. */
    record Gate(boolean guarded, String token) {
        static final Gate OPEN = new Gate(false, null);

        boolean lets(Context ctx) {
            return !guarded || BearerToken.matches(ctx.header("Authorization"), token);
        }
    }

    SlackStandInRoutes(SlackStore store, SlackInteractions interactions, String token, String team, Gate consoleGate) {
        this.store = store;
        this.team = team;
        this.interactions = interactions;
        this.token = token;
        this.consoleGate = consoleGate;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.addHttpHandler(HandlerType.POST, SandboxSettings.SLACK_API_PATH + "{method}", this::method);
        routes.addHttpHandler(HandlerType.GET, SandboxSettings.SLACK_API_PATH + "{method}", this::method);
        routes.addHttpHandler(HandlerType.POST, SandboxSettings.SLACK_PATH + "/respond/{id}", this::respond);
        routes.addHttpHandler(HandlerType.POST, SandboxSettings.SLACK_PATH + "/clicks", this::click);
        routes.addHttpHandler(HandlerType.POST, SandboxSettings.SLACK_PATH + "/submissions", this::submit);
        routes.addHttpHandler(HandlerType.POST, SandboxSettings.SLACK_PATH + "/closes", this::close);
        routes.addHttpHandler(HandlerType.POST, SandboxSettings.SLACK_PATH + "/commands", this::command);
    }

    private void method(Context ctx) throws IOException {
        ObjectNode answer;
        try {
            Map<String, String> params = params(ctx);
            if (!authorised(ctx, params)) throw new SlackError("invalid_auth");
            answer = switch (ctx.pathParam("method")) {
                case "auth.test" -> authTest();
                case "chat.postMessage" -> postMessage(params);
                case "chat.update" -> update(params);
                case "users.lookupByEmail" -> lookupByEmail(params);
                case "users.info" -> userInfo(params);
                case "usergroups.users.list" -> usergroup(params);
                case "views.open" -> openView(params);
                case "conversations.history" -> history(params);
                default -> throw new SlackError("unknown_method");
            };
        } catch (SlackError e) {
            answer = Json.MAPPER.createObjectNode().put("ok", false).put("error", e.code);
        }
        ctx.contentType("application/json; charset=utf-8").result(answer.toString());
    }

    /** Who the token belongs to: the Slack SDK asks once, before its first call, for the workspace's id. */
    private ObjectNode authTest() {
        return ok().put("url", "https://sandbox.slack.example/").put("team", "sandbox").put("user", "supportbot")
                .put("team_id", team).put("user_id", BOT_USER).put("bot_id", "B0SUPPORTBOT")
                .put("is_enterprise_install", false);
    }

    private ObjectNode postMessage(Map<String, String> p) {
        String channel = required(p, "channel");
        String blocks = blocks(p);
        if (blank(p.get("text")) && blocks == null) throw new SlackError("no_text");
        SlackStore.Message m = store.post("message", channel, null, p.get("text"), blocks);
        ObjectNode out = ok().put("channel", channel).put("ts", m.ts());
        out.putObject("message").put("type", "message").put("ts", m.ts()).put("text", m.text());
        return out;
    }

    private ObjectNode update(Map<String, String> p) {
        String channel = required(p, "channel");
        String ts = required(p, "ts");
        String blocks = blocks(p);
        if (blank(p.get("text")) && blocks == null) throw new SlackError("no_text");
        // As Slack does: text without blocks replaces the message's blocks too.
        if (!store.update(channel, ts, p.get("text"), blocks)) throw new SlackError("message_not_found");
        ObjectNode out = ok().put("channel", channel).put("ts", ts).put("text", p.get("text"));
        out.putObject("message").put("text", p.get("text"));
        return out;
    }

    private ObjectNode lookupByEmail(Map<String, String> p) {
        SlackStore.User user = store.userByEmail(required(p, "email")).orElseThrow(() -> new SlackError("users_not_found"));
        ObjectNode out = ok();
        ObjectNode u = out.putObject("user").put("id", user.id()).put("team_id", team)
                .put("name", user.name()).put("real_name", user.realName());
        u.putObject("profile").put("email", user.email()).put("real_name", user.realName());
        return out;
    }

    private ObjectNode userInfo(Map<String, String> p) {
        SlackStore.User user = store.user(required(p, "user")).orElseThrow(() -> new SlackError("user_not_found"));
        ObjectNode out = ok();
        ObjectNode u = out.putObject("user").put("id", user.id()).put("team_id", team)
                .put("name", user.name()).put("real_name", user.realName());
        u.putObject("profile").put("real_name", user.realName()).put("display_name", user.realName());
        return out;
    }

    private ObjectNode usergroup(Map<String, String> p) {
        var members = store.usergroup(required(p, "usergroup"));
        if (members.isEmpty()) throw new SlackError("no_such_subgroup");
        ObjectNode out = ok();
        ArrayNode users = out.putArray("users");
        members.forEach(users::add);
        return out;
    }

    /** Opens a modal for the user of a click the stand-in sent (its trigger id); the view is recorded as given. */
    private ObjectNode openView(Map<String, String> p) {
        SlackStore.Interaction interaction = store.interactionByTrigger(required(p, "trigger_id"))
                .orElseThrow(() -> new SlackError("invalid_trigger_id"));
        JsonNode view = json(required(p, "view"));
        if (!view.isObject() || !"modal".equals(view.path("type").asText())) throw new SlackError("invalid_arguments");
        String id = "V" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(java.util.Locale.ROOT);
        store.openView(id, interaction.triggerId(), interaction.userId(), view.toString());
        ObjectNode out = ok();
        ObjectNode opened = ((ObjectNode) view.deepCopy()).put("id", id).put("team_id", team);
        out.set("view", opened);
        return out;
    }

    private ObjectNode history(Map<String, String> p) {
        ObjectNode out = ok();
        ArrayNode messages = out.putArray("messages");
        for (SlackStore.Message m : store.messages(required(p, "channel"), 100)) {
            ObjectNode n = messages.addObject().put("type", "message").put("subtype", m.kind().equals("ephemeral") ? "ephemeral" : null)
                    .put("ts", m.ts()).put("text", m.text());
            if (m.userId() != null) n.put("user", m.userId());
            if (m.blocks() != null) n.set("blocks", json(m.blocks()));
            if (m.editedAt() != null) n.putObject("edited").put("ts", Long.toString(m.editedAt().getEpochSecond()));
        }
        return out.put("has_more", false);
    }

    /** A response URL: shown to the clicking user only, or replacing the clicked message when asked to. */
    private void respond(Context ctx) {
        SlackStore.Interaction interaction = store.interactionByResponseUrl(ctx.pathParam("id")).orElse(null);
        if (interaction == null || !store.useResponseUrl(interaction.id(), RESPONSE_URL_USES)) {
            ctx.status(404).contentType("text/plain").result("expired_url");
            return;
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            ctx.status(400).contentType("text/plain").result("invalid_payload");
            return;
        }
        String blocks = body.path("blocks").isArray() ? body.path("blocks").toString() : null;
        String text = body.path("text").asText(null);
        String channel = interaction.channel() == null ? "D" + interaction.userId() : interaction.channel();
        if (body.path("replace_original").asBoolean(false) && interaction.messageTs() != null) {
            store.update(channel, interaction.messageTs(), text, blocks);
        } else if ("in_channel".equals(body.path("response_type").asText())) {
            store.post("message", channel, null, text, blocks);
        } else {
            store.post("ephemeral", channel, interaction.userId(), text, blocks);
        }
        ctx.contentType("text/plain").result("ok");
    }

    /** The console's click: {@code {"channel", "ts", "action_id", "user"}}; answers with the bot's status. */
    private void click(Context ctx) {
        console(ctx, body -> interactions.click(text(body, "channel"), text(body, "ts"), text(body, "action_id"), text(body, "user")));
    }

    /** The console's modal submission: {@code {"view_id", "user", "values": {block: {action: text}}}}. */
    private void submit(Context ctx) {
        console(ctx, body -> {
            Map<String, Map<String, String>> values = new LinkedHashMap<>();
            body.path("values").fields().forEachRemaining(block -> {
                Map<String, String> actions = new LinkedHashMap<>();
                block.getValue().fields().forEachRemaining(a -> actions.put(a.getKey(), a.getValue().asText()));
                values.put(block.getKey(), actions);
            });
            return interactions.submit(text(body, "view_id"), text(body, "user"), values);
        });
    }

    /** The console's modal closed unsent: {@code {"view_id"}}. */
    private void close(Context ctx) {
        console(ctx, body -> {
            interactions.close(text(body, "view_id"));
            return new SlackInteractions.Answer(200, "", text(body, "view_id"));
        });
    }

    /** The console's slash command: {@code {"channel", "user", "text"}}, the text after {@code /lnr}. */
    private void command(Context ctx) {
        console(ctx, body -> {
            String text = body.path("text").asText("");
            if (!body.path("text").isTextual() || text.length() > COMMAND_MAX) throw new SlackError("invalid_arguments");
            return interactions.command(text(body, "channel"), text(body, "user"), text.strip());
        });
    }

    private void console(Context ctx, java.util.function.Function<JsonNode, SlackInteractions.Answer> action) {
        if (!consoleGate.lets(ctx)) {
            ctx.header("WWW-Authenticate", "Bearer");
            ApiError.respond(ctx, 401, "outside sandbox mode the sandbox Slack needs BOT_PORTAL_TOKEN as a bearer token");
            return;
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            ApiError.respond(ctx, 400, "the body must be a JSON object");
            return;
        }
        try {
            SlackInteractions.Answer answer = action.apply(body);
            ctx.contentType(ApiError.CONTENT_TYPE).result(Json.MAPPER.createObjectNode().put("bot_status", answer.status())
                    .put("key", answer.key()).toString());
        } catch (SlackError e) {
            ApiError.respond(ctx, e.code.equals("invalid_arguments") ? 400 : 404, e.code);
        }
    }

    private boolean authorised(Context ctx, Map<String, String> params) {
        String header = ctx.header("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : params.get("token");
        return given != null && HmacSignatures.constantTimeEquals(HmacSignatures.utf8(token), HmacSignatures.utf8(given));
    }

    /** Query and body parameters alike: Slack takes form-encoded or JSON bodies. */
    private static Map<String, String> params(Context ctx) {
        Map<String, String> params = new HashMap<>();
        ctx.queryParamMap().forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
        String body = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (type.contains("json")) {
            json(body).fields().forEachRemaining(f -> params.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
        } else if (!body.isBlank()) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) continue;
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static String blocks(Map<String, String> p) {
        String blocks = p.get("blocks");
        if (blank(blocks)) return null;
        JsonNode parsed = json(blocks);
        if (!parsed.isArray()) throw new SlackError("invalid_blocks");
        return parsed.toString();
    }

    private static JsonNode json(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node == null) throw new SlackError("invalid_json");
            return node;
        } catch (IOException e) {
            throw new SlackError("invalid_json");
        }
    }

    private static String required(Map<String, String> p, String name) {
        String value = p.get(name);
        if (blank(value)) throw new SlackError("invalid_arguments");
        return value;
    }

    private static String text(JsonNode body, String field) {
        if (!body.path(field).isTextual() || body.path(field).asText().isBlank()) throw new SlackError("invalid_arguments");
        return body.path(field).asText();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static ObjectNode ok() {
        return Json.MAPPER.createObjectNode().put("ok", true);
    }
}
