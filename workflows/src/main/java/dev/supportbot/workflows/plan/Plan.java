package dev.supportbot.workflows.plan;

import java.util.List;

/**
 * An ordered list of portal changes for one ticket, with the evidence it rests on, the facts it was planned from
 * and the outcome it must reach. {@link PlanHash} binds an approval to exactly this plan.
 */
public record Plan(long ticketId, String purpose, List<Evidence> evidence, BackendState facts, List<PortalChange> changes,
        Goal goal) {

    public Plan {
        evidence = List.copyOf(evidence);
        changes = List.copyOf(changes);
    }

    public Preview preview() {
        return Preview.of(facts, changes);
    }

    Plan withChanges(List<PortalChange> other) {
        return new Plan(ticketId, purpose, evidence, facts, other, goal);
    }
}
