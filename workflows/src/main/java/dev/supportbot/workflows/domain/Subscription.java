package dev.supportbot.workflows.domain;

import java.time.LocalDate;

/** A subscription; {@code namespace} is set for SaaS only. */
public record Subscription(
        String name,
        long billingAccountId,
        String zuoraAccountId,
        Deployment deployment,
        String namespace,
        String plan,
        int seats,
        LocalDate startDate,
        LocalDate endDate,
        boolean reseller) {

    public boolean isSaas() {
        return deployment == Deployment.SAAS;
    }
}
