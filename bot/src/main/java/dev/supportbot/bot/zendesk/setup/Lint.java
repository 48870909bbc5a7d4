package dev.supportbot.bot.zendesk.setup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the set-up files without calling Zendesk: readable YAML, titles, {@code active} against the folder, known
 * keys, action fields and condition operators, references and variables that name something, and that the active
 * macros add exactly the start and command tags the workflows handle.
 */
public final class Lint {
    /** Tags of this prefix belong to the bot; a macro adding one the bot does not handle is a mistake. */
    static final String BOT_TAG_PREFIX = "supportbot_";

    private final Set<String> startTags;
    private final Set<String> commandTags;

    public Lint(Set<String> startTags, Set<String> commandTags) {
        this.startTags = Set.copyOf(startTags);
        this.commandTags = Set.copyOf(commandTags);
    }

    public List<Problem> check(SetupFiles files) {
        List<Problem> problems = new ArrayList<>(files.problems());
        Set<String> webhookTitles = new TreeSet<>();
        for (SetupObject o : files.of(SetupKind.WEBHOOK)) if (o.title() != null) webhookTitles.add(o.title());
        Map<String, SetupObject> titles = new HashMap<>();
        Set<String> tagsOfActiveMacros = new LinkedHashSet<>();
        for (SetupObject o : files.objects()) {
            keys(o, problems);
            title(o, titles, problems);
            active(o, problems);
            strings(o, o.yaml(), "", webhookTitles, problems);
            switch (o.kind()) {
                case MACRO -> {
                    actions(o, problems);
                    restriction(o, problems);
                    if (o.folder().equals("active")) tagsOfActiveMacros.addAll(botTags(o, problems));
                }
                case TRIGGER -> {
                    actions(o, problems);
                    trigger(o, problems);
                }
                case WEBHOOK -> webhook(o, problems);
            }
        }
        for (String tag : new TreeSet<>(startTags)) {
            if (!tagsOfActiveMacros.contains(tag)) {
                problems.add(new Problem(files.dir(), 0, "no active macro adds the workflow start tag " + tag));
            }
        }
        for (String tag : new TreeSet<>(commandTags)) {
            if (!tagsOfActiveMacros.contains(tag)) {
                problems.add(new Problem(files.dir(), 0, "no active macro adds the workflow command tag " + tag));
            }
        }
        problems.sort(Comparator.comparing((Problem p) -> p.file().toString()).thenComparingInt(Problem::line));
        return problems;
    }

    private static void keys(SetupObject o, List<Problem> problems) {
        o.yaml().fieldNames().forEachRemaining(key -> {
            if (!o.kind().keys().contains(key)) {
                problems.add(o.problem("/" + key, "unknown key '" + key + "' for a " + o.kind().label()
                        + " (known: " + String.join(", ", new TreeSet<>(o.kind().keys())) + ")"));
            }
        });
    }

    private static void title(SetupObject o, Map<String, SetupObject> titles, List<Problem> problems) {
        String title = o.title();
        if (title == null || title.isBlank()) {
            problems.add(o.problem("/title", "blank title"));
            return;
        }
        SetupObject first = titles.putIfAbsent(o.kind() + "\n" + title, o);
        if (first != null) {
            problems.add(o.problem("/title", "duplicate " + o.kind().label() + " title '" + title + "' (also in "
                    + first.file() + ")"));
        }
    }

    private static void active(SetupObject o, List<Problem> problems) {
        JsonNode active = o.yaml().get("active");
        if (active == null || !active.isBoolean()) {
            problems.add(o.problem("/active", "'active' must be true or false"));
            return;
        }
        if (o.kind() == SetupKind.MACRO && active.asBoolean() != o.folder().equals("active")) {
            problems.add(o.problem("/active", "'active: " + active.asBoolean() + "' contradicts the folder " + o.folder() + "/"));
        }
    }

    private static void actions(SetupObject o, List<Problem> problems) {
        JsonNode actions = o.yaml().path("actions");
        if (!actions.isArray() || actions.isEmpty()) {
            problems.add(o.problem("/actions", "'actions' must be a non-empty list of {field, value}"));
            return;
        }
        for (int i = 0; i < actions.size(); i++) {
            JsonNode action = actions.get(i);
            String at = "/actions/" + i;
            if (!action.isObject() || !action.path("field").isTextual() || !action.has("value")) {
                problems.add(o.problem(at, "an action needs a 'field' and a 'value'"));
                continue;
            }
            String field = action.get("field").asText();
            if (!ZendeskVocabulary.isAction(o.kind(), field)) {
                problems.add(o.problem(at + "/field", "unknown " + o.kind().label() + " action field '" + field + "'"));
            }
        }
    }

    private static void restriction(SetupObject o, List<Problem> problems) {
        JsonNode restriction = o.yaml().get("restriction");
        if (restriction == null || restriction.isNull()) return;
        boolean valid = restriction.isTextual() && Reference.parse(restriction.asText())
                .filter(r -> r.type() != Reference.Type.Webhook).isPresent();
        if (!valid) problems.add(o.problem("/restriction", "'restriction' must be empty, 'Group: <name>' or 'User: <email>'"));
    }

    private static void trigger(SetupObject o, List<Problem> problems) {
        if (!o.yaml().path("position").canConvertToInt() || !o.yaml().path("position").isIntegralNumber()) {
            problems.add(o.problem("/position", "'position' must be a whole number"));
        }
        if (!o.yaml().path("category").isTextual() || o.yaml().get("category").asText().isBlank()) {
            problems.add(o.problem("/category", "'category' must name the trigger category"));
        }
        JsonNode conditions = o.yaml().path("conditions");
        if (!conditions.isObject()) {
            problems.add(o.problem("/conditions", "'conditions' must be a mapping with 'all' and 'any' lists"));
            return;
        }
        conditions.fieldNames().forEachRemaining(key -> {
            if (!key.equals("all") && !key.equals("any")) problems.add(o.problem("/conditions/" + key, "unknown key '" + key + "' in conditions (all, any)"));
        });
        for (String group : List.of("all", "any")) {
            JsonNode list = conditions.path(group);
            if (list.isMissingNode() || list.isNull()) continue;
            if (!list.isArray()) {
                problems.add(o.problem("/conditions/" + group, "'" + group + "' must be a list"));
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode c = list.get(i);
                String at = "/conditions/" + group + "/" + i;
                if (!c.path("field").isTextual() || !c.path("operator").isTextual()) {
                    problems.add(o.problem(at, "a condition needs a 'field' and an 'operator'"));
                } else if (!ZendeskVocabulary.OPERATORS.contains(c.get("operator").asText())) {
                    problems.add(o.problem(at + "/operator", "unknown condition operator '" + c.get("operator").asText() + "'"));
                }
            }
        }
    }

    private static void webhook(SetupObject o, List<Problem> problems) {
        String endpoint = o.text("endpoint");
        if (endpoint == null || !(endpoint.startsWith("https://") || endpoint.startsWith("http://")
                || endpoint.startsWith("${" + Variables.PUBLIC_URL + "}"))) {
            problems.add(o.problem("/endpoint", "'endpoint' must be an http(s) URL or start with ${" + Variables.PUBLIC_URL + "}"));
        }
        if (!ZendeskVocabulary.HTTP_METHODS.contains(String.valueOf(o.text("http_method")))) {
            problems.add(o.problem("/http_method", "'http_method' must be one of " + new TreeSet<>(ZendeskVocabulary.HTTP_METHODS)));
        }
        if (!ZendeskVocabulary.REQUEST_FORMATS.contains(String.valueOf(o.text("request_format")))) {
            problems.add(o.problem("/request_format", "'request_format' must be one of " + new TreeSet<>(ZendeskVocabulary.REQUEST_FORMATS)));
        }
        JsonNode subscriptions = o.yaml().path("subscriptions");
        if (!subscriptions.isArray() || subscriptions.isEmpty()) {
            problems.add(o.problem("/subscriptions", "'subscriptions' must be a non-empty list"));
        }
    }

    /** References and variables in every string value. */
    private static void strings(SetupObject o, JsonNode node, String pointer, Set<String> webhookTitles, List<Problem> problems) {
        if (node.isContainerNode()) {
            if (node.isObject()) node.fields().forEachRemaining(e -> strings(o, e.getValue(), pointer + "/" + e.getKey(), webhookTitles, problems));
            else for (int i = 0; i < node.size(); i++) strings(o, node.get(i), pointer + "/" + i, webhookTitles, problems);
            return;
        }
        if (!node.isTextual()) return;
        String value = node.asText();
        for (String name : Variables.named(value)) {
            if (!Variables.KNOWN.contains(name)) {
                problems.add(o.problem(pointer, "unknown variable ${" + name + "} (known: " + new TreeSet<>(Variables.KNOWN) + ")"));
            }
        }
        Reference.parse(value).ifPresent(ref -> {
            String problem = switch (ref.type()) {
                case Webhook -> webhookTitles.contains(ref.name()) ? null : "'" + ref + "' names no webhook in webhooks/";
                case User -> ref.name().matches("[^@\\s]+@[^@\\s]+") || ref.name().matches("\\$\\{[A-Za-z0-9_]+}")
                        ? null : "'" + ref + "' must name a user by email";
                case Group -> ref.name().isBlank() ? "'Group:' names no group" : null;
            };
            if (problem != null) problems.add(o.problem(pointer, problem));
        });
    }

    private Set<String> botTags(SetupObject o, List<Problem> problems) {
        Set<String> tags = new LinkedHashSet<>();
        JsonNode actions = o.yaml().path("actions");
        for (int i = 0; i < actions.size(); i++) {
            JsonNode action = actions.get(i);
            String field = action.path("field").asText();
            if (!field.equals("current_tags") && !field.equals("set_tags")) continue;
            for (String tag : action.path("value").asText().trim().split("\\s+")) {
                if (!tag.startsWith(BOT_TAG_PREFIX)) continue;
                tags.add(tag);
                if (!startTags.contains(tag) && !commandTags.contains(tag)) {
                    problems.add(o.problem("/actions/" + i + "/value", "no workflow handles the tag " + tag
                            + " (a macro for a workflow not built yet belongs in inactive/)"));
                }
            }
        }
        return tags;
    }
}
