package dev.supportbot.workflows.domain;

import java.time.LocalDate;

/**
 * The {@code gitlab_subscription} of a SaaS namespace: what a group owner pastes from the API, and what the admin
 * view of the same namespace says. Proof is accepted only when the two agree.
 */
public record NamespaceSubscription(
        String namespace,
        String planCode,
        Integer seats,
        LocalDate startDate,
        LocalDate endDate) {}
