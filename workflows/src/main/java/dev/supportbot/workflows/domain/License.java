package dev.supportbot.workflows.domain;

import java.time.LocalDate;

/** A license as LicenseDot shows it. The license text itself is a secret and is never part of this record. */
public record License(
        long id,
        String subscriptionName,
        String licenseeName,
        String licenseeEmail,
        String licenseeCompany,
        String plan,
        int usersCount,
        int trueUpCount,
        LocalDate issuedAt,
        LocalDate startsAt,
        LocalDate expiresAt,
        boolean trial,
        LicenseKind kind) {

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(startsAt) && !day.isAfter(expiresAt);
    }
}
