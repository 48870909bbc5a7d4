package dev.supportbot.workflows.engine;

import dev.supportbot.workflows.domain.HistoryEntry;
import dev.supportbot.workflows.plan.BackendState;
import java.util.List;
import java.util.Map;

/**
 * The answer to {@link FactRequest.PlanFactsOf}: the subscription's billing account id, the back end around it, and
 * the change history (oldest first) of each asked-for email that has a customer, keyed by that email in lower case.
 */
public record PlanFacts(long billingAccountId, BackendState state, Map<String, List<HistoryEntry>> histories) {

    public PlanFacts {
        histories = Map.copyOf(histories);
    }

    public List<HistoryEntry> historyOf(String email) {
        return email == null ? List.of() : histories.getOrDefault(email.trim().toLowerCase(java.util.Locale.ROOT), List.of());
    }
}
