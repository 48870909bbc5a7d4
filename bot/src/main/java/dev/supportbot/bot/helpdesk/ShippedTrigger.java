package dev.supportbot.bot.helpdesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trigger of macros/triggers (built into the jar) as the Zendesk stand-in runs it: its conditions on the acting
 * user and the kind of update, and its webhook body template, whose placeholders are filled for each change. A
 * condition, placeholder or Liquid loop this class does not know stops the stand-in from loading, so the shipped file
 * and the stand-in cannot drift apart unnoticed. Tests render the body with it too, as Zendesk would for an update.
 */
public final class ShippedTrigger {
    static final String RESOURCE = "/helpdesk/triggers/supportbot-ticket-updated.yaml";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_.]+)\\s*}}");
    /** The file names of the latest comment's attachments, each followed by a slash. */
    public static final String ATTACHMENT_NAMES = "loop.latest_comment.attachment_names";
    /** The ids of the ticket's two latest comments, newest first, each followed by a space. */
    public static final String TWO_LATEST_IDS = "loop.comments.two_latest_ids";
    /** The Liquid loops of the body, exactly as written there, and the name each is filled under. */
    private static final Map<String, String> LOOPS = Map.of(
            "{% for a in ticket.latest_comment.attachments %}{{a.filename}}/{% endfor %}", ATTACHMENT_NAMES,
            "{% for c in ticket.comments limit:2 %}{{c.id}} {% endfor %}", TWO_LATEST_IDS);
    public static final List<String> PLACEHOLDERS = List.of("ticket.id", "ticket.updated_at_with_timestamp", "current_user.email",
            "current_user.name", "ticket.status", "ticket.tags", "ticket.requester.id", "ticket.latest_comment.id",
            "ticket.latest_comment.author.id", "ticket.latest_comment.author.name", "ticket.latest_comment.author.email",
            "ticket.latest_comment.is_public",
            "ticket.latest_comment.value", ATTACHMENT_NAMES, TWO_LATEST_IDS);

    private record Condition(String field, String operator, String value) {}

    private final List<Condition> all;
    private final List<Condition> any;
    private final String bodyTemplate;

    private ShippedTrigger(List<Condition> all, List<Condition> any, String bodyTemplate) {
        this.all = all;
        this.any = any;
        this.bodyTemplate = bodyTemplate;
    }

    /** The shipped trigger, {@code ${BOT_ZENDESK_EMAIL}} in its conditions replaced by the bot's Zendesk email. */
    public static ShippedTrigger load(String botEmail) {
        JsonNode root;
        try (InputStream in = ShippedTrigger.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("the shipped trigger " + RESOURCE + " is not in the jar");
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped trigger", e);
        }
        String template = null;
        for (JsonNode action : root.path("actions")) {
            if ("notification_webhook".equals(action.path("field").asText())) template = action.path("value").path(1).asText(null);
        }
        if (template == null) throw new IllegalStateException("the shipped trigger has no notification_webhook body");
        for (Map.Entry<String, String> loop : LOOPS.entrySet()) template = template.replace(loop.getKey(), "{{" + loop.getValue() + "}}");
        if (template.contains("{%")) throw new IllegalStateException("the shipped trigger uses a Liquid tag the sandbox does not run");
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw new IllegalStateException("the shipped trigger uses {{" + m.group(1) + "}}, which the sandbox does not fill");
            }
        }
        return new ShippedTrigger(conditions(root.path("conditions").path("all"), botEmail),
                conditions(root.path("conditions").path("any"), botEmail), template);
    }

    /** Whether a change by {@code actorEmail} (a ticket created, or changed) fires the trigger. */
    boolean fires(boolean created, String actorEmail) {
        if (!all.stream().allMatch(c -> holds(c, created, actorEmail))) return false;
        return any.isEmpty() || any.stream().anyMatch(c -> holds(c, created, actorEmail));
    }

    /** The webhook body for one change: each placeholder's value, escaped for a JSON string. */
    public String body(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(bodyTemplate);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(jsonEscaped(values.getOrDefault(m.group(1), ""))));
        m.appendTail(out);
        return out.toString();
    }

    private static boolean holds(Condition c, boolean created, String actorEmail) {
        boolean is = switch (c.field()) {
            case "current_user" -> c.value().equalsIgnoreCase("User: " + actorEmail);
            case "update_type" -> c.value().equals(created ? "Create" : "Change");
            default -> throw new IllegalStateException("unknown condition field " + c.field());
        };
        return c.operator().equals("is") == is;
    }

    private static List<Condition> conditions(JsonNode list, String botEmail) {
        List<Condition> out = new ArrayList<>();
        for (JsonNode n : list) {
            String field = n.path("field").asText();
            String operator = n.path("operator").asText();
            if (!List.of("current_user", "update_type").contains(field) || !List.of("is", "is_not").contains(operator)) {
                throw new IllegalStateException("the shipped trigger's condition " + field + " " + operator
                        + " is not one the sandbox evaluates");
            }
            out.add(new Condition(field, operator, n.path("value").asText().replace("${BOT_ZENDESK_EMAIL}", botEmail)));
        }
        return out;
    }

    private static String jsonEscaped(String value) {
        StringBuilder out = new StringBuilder();
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (ch < 0x20) out.append(String.format("\\u%04x", (int) ch));
                    else out.append(ch);
                }
            }
        }
        return out.toString();
    }
}
