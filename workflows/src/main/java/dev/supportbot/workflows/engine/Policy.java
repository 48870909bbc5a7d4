package dev.supportbot.workflows.engine;

import dev.supportbot.workflows.domain.Emails;
import java.time.Duration;
import java.time.Period;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The knobs every workflow shares; a workflow's own knobs are its {@link Workflow#settings()}.
 *
 * @param staffEmailDomains   the vendor's own domains: proofs and approvals from these are never accepted
 * @param invoiceMaxAge       how old an invoice may be to count as recent
 * @param clockSkew           how early a reminder may arrive and still count (clocks of several bot instances)
 */
public record Policy(Set<String> staffEmailDomains, Period invoiceMaxAge, Duration clockSkew) {

    public Policy {
        staffEmailDomains = staffEmailDomains.stream().map(d -> d.trim().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public static Policy defaults() {
        return new Policy(Set.of("gitlab.com"), Period.ofMonths(12), Duration.ofMinutes(5));
    }

    public Policy withStaffEmailDomains(Set<String> domains) {
        return new Policy(domains, invoiceMaxAge, clockSkew);
    }

    /** True when the address belongs to the vendor's staff (exact domain or a subdomain of it). */
    public boolean isStaff(String email) {
        String domain = Emails.domainOf(email);
        if (domain.isEmpty()) return false;
        return staffEmailDomains.stream().anyMatch(s -> domain.equals(s) || domain.endsWith("." + s));
    }
}
