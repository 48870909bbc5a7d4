package dev.supportbot.workflows.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/** What a decision may know besides state, event and facts: the time, and the configured policy. */
public record Context(Instant now, Policy policy) {

    public Context {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(policy, "policy");
    }

    public static Context at(Instant now) {
        return new Context(now, Policy.defaults());
    }

    /** The calendar day of {@link #now} in UTC: the day invoices and subscription dates are compared with. */
    public LocalDate today() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
