package dev.supportbot.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads the messages the bot sent Slack: the Slack SDK sends form fields, in which the blocks are a JSON string field. */
public final class SlackMessages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackMessages() {}

    /** A request body (a form or JSON) as one JSON object of its fields. */
    public static JsonNode body(String body) {
        if (body.startsWith("{")) return json(body);
        ObjectNode node = JSON.createObjectNode();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            node.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return node;
    }

    /** The approval id on the message's approve button; null for a message without one. */
    public static String approvalIdIn(JsonNode message) {
        JsonNode blocks = message.path("blocks").isTextual() ? json(message.path("blocks").asText()) : message.path("blocks");
        for (JsonNode block : blocks) {
            for (JsonNode element : block.path("elements")) {
                if ("approve".equals(element.path("action_id").asText())) return element.path("value").asText();
            }
        }
        return null;
    }

    /** The message's blocks as JSON text, Slack's escapes undone. */
    public static String blocksOf(JsonNode message) {
        return message.path("blocks").isMissingNode() ? "" : json(message.path("blocks").asText()).toString();
    }

    /** The {@code text} of an answer sent to a response URL. */
    public static String textOf(String answer) {
        return json(answer).path("text").asText();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
