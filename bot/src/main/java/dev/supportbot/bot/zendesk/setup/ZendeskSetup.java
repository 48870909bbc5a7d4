package dev.supportbot.bot.zendesk.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares the set-up files with the live Zendesk objects and applies the difference. Objects are matched by
 * title, then by {@code previous_title} (a rename), never by id; nothing is ever deleted.
 */
public final class ZendeskSetup {
    private final SetupFiles files;
    private final ZendeskObjects zendesk;
    private final Resolver resolver;

    public ZendeskSetup(SetupFiles files, ZendeskAdminApi api, Variables variables) {
        this.files = files;
        this.zendesk = new ZendeskObjects(api);
        this.resolver = new Resolver(zendesk, variables);
    }

    /** Reads the live objects and works out what sync would do. Changes nothing. */
    public Plan compare() {
        Map<SetupKind, List<JsonNode>> live = new EnumMap<>(SetupKind.class);
        for (SetupKind kind : SetupKind.SYNC_ORDER) live.put(kind, zendesk.list(kind));
        for (JsonNode webhook : live.get(SetupKind.WEBHOOK)) resolver.webhook(webhook.path("name").asText(), webhook.path("id").asText());
        if (!files.of(SetupKind.TRIGGER).isEmpty()) {
            for (JsonNode c : zendesk.triggerCategories()) resolver.category(c.path("name").asText(), c.path("id").asText());
        }
        Set<String> newCategories = new LinkedHashSet<>();
        for (SetupObject trigger : files.of(SetupKind.TRIGGER)) {
            if (!resolver.hasCategory(trigger.text("category"))) newCategories.add(trigger.text("category"));
        }
        List<Change> changes = new ArrayList<>();
        for (SetupKind kind : SetupKind.SYNC_ORDER) {
            Set<JsonNode> matched = Collections.newSetFromMap(new IdentityHashMap<>());
            for (SetupObject o : files.of(kind)) changes.add(change(o, live.get(kind), matched));
            for (JsonNode l : live.get(kind)) {
                if (!matched.contains(l)) {
                    changes.add(new Change(kind, Change.Action.ZENDESK_ONLY, ZendeskObjects.title(kind, l), null, l.path("id").asText(), List.of()));
                }
            }
        }
        return new Plan(List.copyOf(newCategories), changes);
    }

    private Change change(SetupObject o, List<JsonNode> lives, Set<JsonNode> matched) {
        ObjectNode wanted = resolver.body(o);
        JsonNode match = find(o.kind(), lives, matched, o.title());
        if (match == null && o.previousTitle() != null && !o.previousTitle().isBlank()) match = find(o.kind(), lives, matched, o.previousTitle());
        if (match == null) return new Change(o.kind(), Change.Action.CREATE, o.title(), o, null, List.of());
        matched.add(match);
        if (o.kind() == SetupKind.WEBHOOK) {
            resolver.webhookMatched(o.title(), match.path("id").asText());
        }
        List<FieldDiff> diffs = FieldDiff.between(match, wanted);
        return new Change(o.kind(), diffs.isEmpty() ? Change.Action.UNCHANGED : Change.Action.UPDATE, o.title(), o,
                match.path("id").asText(), diffs);
    }

    private static JsonNode find(SetupKind kind, List<JsonNode> lives, Set<JsonNode> matched, String title) {
        for (JsonNode l : lives) {
            if (!matched.contains(l) && ZendeskObjects.title(kind, l).equals(title)) return l;
        }
        return null;
    }

    /**
     * Applies a plan from {@link #compare()}: webhooks first (a new one's signing secret goes to {@code secretOut},
     * the operator's terminal, once), then trigger categories, macros and triggers, each body built again now that
     * new webhooks and categories have ids. Returns the number of objects created or updated.
     */
    public int apply(Plan plan, PrintStream out, Function<String, String> secretInstructions) {
        int applied = 0;
        for (String category : plan.newCategories()) {
            resolver.category(category, zendesk.createTriggerCategory(category));
            out.printf("created trigger category %s%n", category);
            applied++;
        }
        for (SetupKind kind : SetupKind.SYNC_ORDER) {
            for (Change c : plan.changes()) {
                if (c.kind() != kind || !c.changes()) continue;
                ObjectNode body = resolver.body(c.file());
                if (c.action() == Change.Action.CREATE) {
                    String id = zendesk.create(kind, body);
                    out.printf("created %s %s (id %s)%n", kind.label(), c.title(), id);
                    if (kind == SetupKind.WEBHOOK) {
                        resolver.webhook(c.title(), id);
                        out.println(secretInstructions.apply(zendesk.signingSecret(id)));
                    }
                } else {
                    zendesk.update(kind, c.liveId(), body);
                    out.printf("updated %s %s (id %s)%n", kind.label(), c.title(), c.liveId());
                    if (kind == SetupKind.WEBHOOK) resolver.webhook(c.title(), c.liveId());
                }
                applied++;
            }
        }
        return applied;
    }
}
