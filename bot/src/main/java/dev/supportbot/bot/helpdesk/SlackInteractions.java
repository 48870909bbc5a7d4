package dev.supportbot.bot.helpdesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportbot.bot.http.HmacSignatures;
import dev.supportbot.bot.http.SlackSignature;
import dev.supportbot.bot.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.Supplier;

/**
 * Turns what a person does in the Slack stand-in into what Slack sends the bot: a button click by a chosen user into
 * a signed {@code block_actions} request, a modal submission into a signed {@code view_submission}, each to the bot's
 * {@code /slack/events}, with a response URL and a trigger id the stand-in hands out and recognises.
 */
final class SlackInteractions {
    /** The sandbox workspace's id, unless BOT_SLACK_TEAM_ID names another. */
    static final String TEAM = "T0SANDBOX";
    static final String APP = "A0SUPPORTBOT";
    static final String COMMAND = "/lnr";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The bot's answer to a click, command or submission: its HTTP status and body, and the key the bot stores the
     * request under (its trigger id, or the view id of a submission), to follow its handling.
     */
    record Answer(int status, String body, String key) {
        Answer keyed(String key) {
            return new Answer(status, body, key);
        }
    }

    private final SlackStore store;
    private final String team;
    private final String app;
    private final String signingSecret;
    private final Clock clock;
    private final Supplier<String> botUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SlackInteractions(SlackStore store, String team, String app, String signingSecret, Clock clock, Supplier<String> botUrl) {
        this.store = store;
        this.team = team;
        this.app = app;
        this.signingSecret = signingSecret;
        this.clock = clock;
        this.botUrl = botUrl;
    }

    /** {@code userId} clicks the button {@code actionId} of the message {@code ts} in {@code channel}. */
    Answer click(String channel, String ts, String actionId, String userId) {
        SlackStore.User user = store.user(userId).orElseThrow(() -> new SlackError("user_not_found"));
        SlackStore.Message message = store.message(channel, ts).orElseThrow(() -> new SlackError("message_not_found"));
        JsonNode[] found = button(message, actionId);
        if (found == null) throw new SlackError("action_not_found");
        String responseUrlId = token();
        String triggerId = clock.instant().getEpochSecond() + "." + token().substring(0, 20);
        SlackStore.Interaction interaction = store.recordInteraction("block_actions", userId, channel, ts, responseUrlId, triggerId);
        ObjectNode payload = base("block_actions", user, triggerId);
        payload.putObject("container").put("type", "message").put("message_ts", ts).put("channel_id", channel)
                .put("is_ephemeral", false);
        payload.putObject("channel").put("id", channel).put("name", "support");
        ObjectNode original = payload.putObject("message").put("type", "message").put("ts", ts).put("text", message.text());
        if (message.blocks() != null) original.set("blocks", parse(message.blocks()));
        payload.put("response_url", botUrl.get() + SandboxSettings.SLACK_PATH + "/respond/" + responseUrlId);
        JsonNode button = found[1];
        ObjectNode action = payload.putArray("actions").addObject();
        action.put("type", "button").put("action_id", actionId).put("block_id", found[0].path("block_id").asText("actions"))
                .put("action_ts", clock.instant().getEpochSecond() + ".000100");
        action.set("text", button.path("text"));
        if (button.has("value")) action.put("value", button.path("value").asText());
        if (button.has("style")) action.put("style", button.path("style").asText());
        Answer answer = send(payload).keyed(triggerId);
        store.botAnswered(interaction.id(), answer.status());
        return answer;
    }

    /** {@code userId} submits the modal {@code viewId} with {@code values} (block id to action id to typed text). */
    Answer submit(String viewId, String userId, Map<String, Map<String, String>> values) {
        SlackStore.User user = store.user(userId).orElseThrow(() -> new SlackError("user_not_found"));
        SlackStore.View view = store.view(viewId).orElseThrow(() -> new SlackError("view_not_found"));
        String triggerId = clock.instant().getEpochSecond() + "." + token().substring(0, 20);
        SlackStore.Interaction interaction = store.recordInteraction("view_submission", userId, null, null, token(), triggerId);
        ObjectNode payload = base("view_submission", user, triggerId);
        ObjectNode submitted = (ObjectNode) parse(view.json());
        submitted.put("id", viewId).put("team_id", team).put("app_id", app);
        ObjectNode state = submitted.putObject("state").putObject("values");
        values.forEach((block, actions) -> {
            ObjectNode b = state.putObject(block);
            actions.forEach((actionId, text) -> b.putObject(actionId).put("type", "plain_text_input").put("value", text));
        });
        payload.set("view", submitted);
        Answer answer = send(payload).keyed(viewId);
        store.botAnswered(interaction.id(), answer.status());
        // Slack closes the modal on an empty acknowledgement; an answer with errors keeps it open.
        if (answer.status() == 200 && !answer.body().contains("\"response_action\"")) store.closeView(viewId);
        return answer;
    }

    /** {@code userId} closes the modal {@code viewId} without submitting it. */
    void close(String viewId) {
        if (!store.closeView(viewId)) throw new SlackError("view_not_found");
    }

    /**
     * {@code userId} types {@code /lnr text} in {@code channel}: a signed slash command. The bot's immediate answer is
     * shown to that user only, as Slack does, and its later answers come through the response URL.
     */
    Answer command(String channel, String userId, String text) {
        SlackStore.User user = store.user(userId).orElseThrow(() -> new SlackError("user_not_found"));
        String responseUrlId = token();
        String triggerId = clock.instant().getEpochSecond() + "." + token().substring(0, 20);
        SlackStore.Interaction interaction = store.recordInteraction("slash_command", userId, channel, null, responseUrlId, triggerId);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "sandbox");
        form.put("team_id", team);
        form.put("team_domain", "sandbox");
        form.put("channel_id", channel);
        form.put("channel_name", "support");
        form.put("user_id", user.id());
        form.put("user_name", user.name());
        form.put("command", COMMAND);
        form.put("text", text);
        form.put("api_app_id", APP);
        form.put("response_url", botUrl.get() + SandboxSettings.SLACK_PATH + "/respond/" + responseUrlId);
        form.put("trigger_id", triggerId);
        Answer answer = send(form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"))).keyed(triggerId);
        store.botAnswered(interaction.id(), answer.status());
        acknowledgement(answer).ifPresent(ack -> store.post("ephemeral", channel, userId, ack, null));
        return answer;
    }

    /** The text of a command's immediate answer (JSON with a text, or plain text), if it has one. */
    private static Optional<String> acknowledgement(Answer answer) {
        if (answer.status() != 200 || answer.body() == null || answer.body().isBlank()) return Optional.empty();
        String body = answer.body().trim();
        if (!body.startsWith("{")) return Optional.of(body);
        try {
            return Optional.ofNullable(Json.MAPPER.readTree(body).path("text").asText(null)).filter(t -> !t.isBlank());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private ObjectNode base(String type, SlackStore.User user, String triggerId) {
        ObjectNode payload = Json.MAPPER.createObjectNode();
        payload.put("type", type).put("api_app_id", app).put("trigger_id", triggerId);
        payload.putObject("team").put("id", team).put("domain", "sandbox");
        payload.putObject("user").put("id", user.id()).put("username", user.name()).put("name", user.name()).put("team_id", team);
        return payload;
    }

    /** The actions block and the button in it with this action id; null when the message has none. */
    private static JsonNode[] button(SlackStore.Message message, String actionId) {
        if (message.blocks() == null) return null;
        for (JsonNode block : parse(message.blocks())) {
            if (!"actions".equals(block.path("type").asText())) continue;
            for (JsonNode element : block.path("elements")) {
                if ("button".equals(element.path("type").asText()) && actionId.equals(element.path("action_id").asText())) {
                    return new JsonNode[] {block, element};
                }
            }
        }
        return null;
    }

    private Answer send(ObjectNode payload) {
        return send("payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8));
    }

    private Answer send(String body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        byte[] mac = HmacSignatures.hmacSha256(signingSecret, HmacSignatures.utf8("v0:" + timestamp + ":"),
                body.getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(botUrl.get() + "/slack/events"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(SlackSignature.SIGNATURE_HEADER, "v0=" + HexFormat.of().formatHex(mac))
                .header(SlackSignature.TIMESTAMP_HEADER, timestamp)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), null);
        } catch (IOException e) {
            return new Answer(0, "", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", null);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("stored Slack JSON is not JSON", e);
        }
    }

    private static String token() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
