package dev.supportbot.workflows.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/** What a decision may know besides state, event and facts: the time, the shared policy and the workflows' settings. */
public record Context(Instant now, Policy policy, WorkflowSettings settings) {

    public Context {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(settings, "settings");
    }

    public Context(Instant now, Policy policy) {
        this(now, policy, WorkflowSettings.defaults());
    }

    public <T> T setting(WorkflowSetting<T> setting) {
        return settings.get(setting);
    }

    public static Context at(Instant now) {
        return new Context(now, Policy.defaults());
    }

    /** The calendar day of {@link #now} in UTC: the day invoices and subscription dates are compared with. */
    public LocalDate today() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
