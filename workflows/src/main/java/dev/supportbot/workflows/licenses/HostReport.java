package dev.supportbot.workflows.licenses;

import dev.supportbot.workflows.domain.LicenseHostname;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A host that reported a license, as agents read it (handbook "LicenseDot Access and Use": the "Usage Ping Last Checked
 * On" column tells which entries hold recent usage data): a ping older than {@link #STALE_AFTER} is stale.
 */
public record HostReport(String hostname, Instant lastPing, boolean stale) {
    public static final Duration STALE_AFTER = Duration.ofDays(30);

    /** Newest ping first (same time: by hostname), each marked stale or not as of {@code now}. */
    public static List<HostReport> of(List<LicenseHostname> hosts, Instant now) {
        Instant staleBefore = now.minus(STALE_AFTER);
        return hosts.stream()
                .sorted(Comparator.comparing(LicenseHostname::usagePingLastCheckedAt).reversed()
                        .thenComparing(LicenseHostname::hostname))
                .map(h -> new HostReport(h.hostname(), h.usagePingLastCheckedAt(), h.usagePingLastCheckedAt().isBefore(staleBefore)))
                .toList();
    }
}
