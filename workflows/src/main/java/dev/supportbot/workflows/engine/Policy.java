package dev.supportbot.workflows.engine;

import dev.supportbot.workflows.domain.Emails;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configurable knobs of the rules.
 *
 * @param staffEmailDomains   the vendor's own domains: proofs and approvals from these are never accepted
 * @param reminderDelays      when to remind a requester who owes an answer, counted from the request; reminder
 *                            {@code i} (1-based) is sent after {@code reminderDelays.get(i - 1)}
 * @param expiryDelay         when an unanswered request expires, counted from the request; its reminder sequence
 *                            is {@code reminderDelays.size() + 1}
 * @param invoiceMaxAge       how old an invoice may be to count as recent
 * @param clockSkew           how early a reminder may arrive and still count (clocks of several bot instances)
 */
public record Policy(
        Set<String> staffEmailDomains,
        List<Duration> reminderDelays,
        Duration expiryDelay,
        Period invoiceMaxAge,
        Duration clockSkew) {

    public Policy {
        staffEmailDomains = staffEmailDomains.stream().map(d -> d.trim().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        reminderDelays = List.copyOf(reminderDelays);
        for (Duration d : reminderDelays) {
            if (d.compareTo(expiryDelay) >= 0) throw new IllegalArgumentException("reminder " + d + " not before expiry " + expiryDelay);
        }
    }

    public static Policy defaults() {
        return new Policy(
                Set.of("gitlab.com"),
                List.of(Duration.ofDays(2), Duration.ofDays(4)),
                Duration.ofDays(7),
                Period.ofMonths(12),
                Duration.ofMinutes(5));
    }

    public Policy withStaffEmailDomains(Set<String> domains) {
        return new Policy(domains, reminderDelays, expiryDelay, invoiceMaxAge, clockSkew);
    }

    /** True when the address belongs to the vendor's staff (exact domain or a subdomain of it). */
    public boolean isStaff(String email) {
        String domain = Emails.domainOf(email);
        if (domain.isEmpty()) return false;
        return staffEmailDomains.stream().anyMatch(s -> domain.equals(s) || domain.endsWith("." + s));
    }

    /** The reminder sequence number that means "expired". */
    public int expirySequence() {
        return reminderDelays.size() + 1;
    }

    /** Delay of reminder {@code sequence} (1-based), the expiry delay for {@link #expirySequence()}. */
    public Duration delayOf(int sequence) {
        if (sequence >= 1 && sequence <= reminderDelays.size()) return reminderDelays.get(sequence - 1);
        if (sequence == expirySequence()) return expiryDelay;
        throw new IllegalArgumentException("no reminder " + sequence);
    }
}
