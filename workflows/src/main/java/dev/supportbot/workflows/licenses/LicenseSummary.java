package dev.supportbot.workflows.licenses;

import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.engine.Dates;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One line about a customer's licenses, e.g. {@code 3 licenses, 2 trials (last 1 March 2026), active: #1101 Premium
 * 50 users until 4 February 2027}. "last" is the issue day of the newest trial: when the customer last asked for one.
 */
public final class LicenseSummary {
    private LicenseSummary() {}

    public static String of(List<License> licenses, LocalDate day) {
        List<License> trials = licenses.stream().filter(License::trial).toList();
        String trialPart = trials.isEmpty() ? "no trials"
                : count(trials.size(), "trial") + " (last " + trials.stream().map(License::issuedAt).max(LocalDate::compareTo).map(Dates::day).orElseThrow() + ")";
        Optional<License> active = ActiveLicense.among(licenses, day);
        return count(licenses.size(), "license") + ", " + trialPart + ", active: " + active.map(LicenseSummary::brief).orElse("none");
    }

    /** {@code #1101 Premium 50 users until 4 February 2027}. */
    public static String brief(License l) {
        return "#" + l.id() + " " + l.plan() + " " + count(l.usersCount(), "user") + " until " + Dates.day(l.expiresAt());
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
