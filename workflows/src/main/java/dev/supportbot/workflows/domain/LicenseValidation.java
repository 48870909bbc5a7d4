package dev.supportbot.workflows.domain;

import java.time.LocalDate;

/**
 * What the portal's validate-license call made of a pasted license text. When {@code valid} is false only
 * {@code error} is meaningful.
 */
public record LicenseValidation(
        boolean valid,
        String error,
        String subscriptionName,
        String licenseeEmail,
        String plan,
        Integer usersCount,
        LocalDate startsAt,
        LocalDate expiresAt) {}
