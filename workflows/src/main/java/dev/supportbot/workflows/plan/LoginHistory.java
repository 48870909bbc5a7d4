package dev.supportbot.workflows.plan;

import dev.supportbot.workflows.domain.HistoryEntry;
import java.util.List;

/**
 * The handbook's login rule: a {@code login_activated = false} change dated after the {@code create} entry means login
 * was switched off on purpose, and a person must decide whether to switch it on again.
 */
public final class LoginHistory {
    private LoginHistory() {}

    /** {@code history} oldest first, as the portal returns it; without a create entry every entry counts. */
    public static boolean switchedOffOnPurpose(List<HistoryEntry> history) {
        boolean afterCreate = history.stream().noneMatch(HistoryEntry::isCreate);
        for (HistoryEntry entry : history) {
            if (entry.isCreate()) {
                afterCreate = true;
                continue;
            }
            HistoryEntry.Change login = entry.changes().get("login_activated");
            if (afterCreate && login != null && "false".equals(login.to())) return true;
        }
        return false;
    }
}
