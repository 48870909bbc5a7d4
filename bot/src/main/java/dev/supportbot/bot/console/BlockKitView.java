package dev.supportbot.bot.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Block Kit as the console's templates render it: header, section (text and fields), context, divider, actions
 * (buttons, each a form that clicks it as a chosen Slack user) and, in modals, inputs. Text objects are shown as
 * Slack shows them ({@link SlackMrkdwn}): the {@code html} values are rendered HTML, everything else plain text. A
 * block of another type is shown by its type name.
 */
final class BlockKitView {
    private final SlackMrkdwn mrkdwn;

    BlockKitView(SlackMrkdwn mrkdwn) {
        this.mrkdwn = mrkdwn;
    }

    /** A message's top-level text, which Slack formats as mrkdwn. */
    String messageText(String text) {
        return mrkdwn.html(text);
    }

    List<Map<String, Object>> blocks(String json, String channel, String ts) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (json == null || json.isBlank()) return out;
        JsonNode blocks;
        try {
            blocks = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            out.add(Map.of("other", "blocks that are not JSON"));
            return out;
        }
        for (JsonNode block : blocks) {
            Map<String, Object> view = new LinkedHashMap<>();
            String type = block.path("type").asText();
            switch (type) {
                case "header" -> view.put("header", text(block.path("text")));
                case "section" -> {
                    view.put("section", true);
                    view.put("html", text(block.path("text")));
                    List<String> fields = new ArrayList<>();
                    block.path("fields").forEach(f -> fields.add(text(f)));
                    view.put("fields", fields);
                }
                case "context" -> {
                    List<String> elements = new ArrayList<>();
                    block.path("elements").forEach(e -> elements.add(e.has("text") ? text(e) : SlackMrkdwn.plain(e.path("alt_text").asText(""))));
                    view.put("context", elements);
                }
                case "divider" -> view.put("divider", true);
                case "actions" -> {
                    List<Map<String, Object>> buttons = new ArrayList<>();
                    for (JsonNode e : block.path("elements")) {
                        if (!"button".equals(e.path("type").asText())) continue;
                        Map<String, Object> button = new LinkedHashMap<>();
                        button.put("actionId", e.path("action_id").asText());
                        button.put("label", e.path("text").path("text").asText(""));
                        button.put("style", e.path("style").asText("default"));
                        button.put("channel", channel);
                        button.put("ts", ts);
                        buttons.add(button);
                    }
                    view.put("buttons", buttons);
                }
                case "input" -> {
                    Map<String, Object> input = new LinkedHashMap<>();
                    input.put("block", block.path("block_id").asText());
                    input.put("action", block.path("element").path("action_id").asText());
                    input.put("label", block.path("label").path("text").asText(""));
                    input.put("multiline", block.path("element").path("multiline").asBoolean(false));
                    input.put("optional", block.path("optional").asBoolean(false));
                    view.put("input", input);
                }
                default -> view.put("other", type);
            }
            out.add(view);
        }
        return out;
    }

    /** A text object as HTML: mrkdwn formatted, plain text escaped. */
    private String text(JsonNode node) {
        if (node.isTextual()) return mrkdwn.html(node.asText());
        return mrkdwn.text(node.path("text").asText(""), "mrkdwn".equals(node.path("type").asText()));
    }
}
