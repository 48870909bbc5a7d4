package dev.supportbot.bot.zendesk.setup;

import java.util.List;
import java.util.Set;

/** The three kinds of Zendesk object kept as files, with the keys each file may have. */
public enum SetupKind {
    WEBHOOK("webhook", Set.of("title", "previous_title", "description", "active", "endpoint", "http_method",
            "request_format", "subscriptions")),
    MACRO("macro", Set.of("title", "previous_title", "description", "active", "restriction", "actions")),
    TRIGGER("trigger", Set.of("title", "previous_title", "description", "active", "position", "category", "conditions",
            "actions"));

    /** The order in which sync applies them: triggers refer to webhooks. */
    public static final List<SetupKind> SYNC_ORDER = List.of(WEBHOOK, MACRO, TRIGGER);

    private final String label;
    private final Set<String> keys;

    SetupKind(String label, Set<String> keys) {
        this.label = label;
        this.keys = keys;
    }

    public String label() {
        return label;
    }

    public Set<String> keys() {
        return keys;
    }

    /** The kind the folder under {@code macros/} holds, or null for a folder that holds none. */
    static SetupKind ofFolder(String folder) {
        return switch (folder) {
            case "active", "inactive" -> MACRO;
            case "triggers" -> TRIGGER;
            case "webhooks" -> WEBHOOK;
            default -> null;
        };
    }
}
