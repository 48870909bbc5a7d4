package dev.supportbot.workflows.domain;

import java.time.Instant;
import java.util.Map;

/** One entry of a customer's change history: {@code create} or {@code update}, with the fields it changed. */
public record HistoryEntry(long id, String action, Map<String, Change> changes, Instant at) {

    public HistoryEntry {
        changes = Map.copyOf(changes);
    }

    public boolean isCreate() {
        return "create".equals(action);
    }

    public record Change(String from, String to) {}
}
