package dev.supportbot.bot.metrics;

import dev.supportbot.bot.inbox.InboxEvent;
import dev.supportbot.bot.inbox.InboxMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The bot's Prometheus metrics: HTTP requests by route and status, inbox depth and dead letters (read from the
 * database when scraped), event processing latency, Zendesk requests by kind and outcome and the budget left.
 */
public final class Metrics implements InboxMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer handling;
    private final Timer lag;
    private final Counter deadLettered;

    public Metrics() {
        handling = Timer.builder("supportbot_inbox_handling")
                .description("time a worker spent on one inbox event")
                .publishPercentileHistogram()
                .register(registry);
        lag = Timer.builder("supportbot_inbox_latency")
                .description("time from an event's arrival to its completion")
                .publishPercentileHistogram()
                .register(registry);
        deadLettered = Counter.builder("supportbot_inbox_dead_lettered")
                .description("events parked as dead letters by this process")
                .register(registry);
    }

    /** Inbox gauges, read from the database at scrape time so every instance reports the shared queue. */
    public void inboxGauges(LongSupplier depth, LongSupplier dead) {
        Gauge.builder("supportbot_inbox_depth", () -> safely(depth)).description("events not yet done").register(registry);
        Gauge.builder("supportbot_inbox_dead_letters", () -> safely(dead)).description("events parked as dead letters")
                .register(registry);
    }

    /** Zendesk's budget left to all instances in the current minute, read from the database when scraped. */
    public void zendeskBudget(LongSupplier requestsLeft, LongSupplier updatesLeft) {
        Gauge.builder("supportbot_zendesk_budget_left", () -> safely(requestsLeft)).tag("limit", "requests")
                .description("Zendesk requests all instances may still send this minute").register(registry);
        Gauge.builder("supportbot_zendesk_budget_left", () -> safely(updatesLeft)).tag("limit", "updates")
                .description("Zendesk ticket updates all instances may still send this minute").register(registry);
    }

    /** One Zendesk request of this process: {@code kind} read or write, {@code outcome} ok or the failure. */
    public void zendeskRequest(String kind, String outcome) {
        Counter.builder("supportbot_zendesk_requests")
                .description("Zendesk API requests by kind and outcome")
                .tag("kind", kind)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    public void request(String method, String route, int status, Duration took) {
        Timer.builder("supportbot_http_requests")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(took);
    }

    @Override
    public void processed(InboxEvent event, Duration handlingTime, Instant now) {
        handling.record(handlingTime);
        lag.record(Duration.between(event.receivedAt(), now));
    }

    @Override
    public void deadLettered(InboxEvent event) {
        deadLettered.increment();
    }

    public String scrape() {
        return registry.scrape();
    }

    private static double safely(LongSupplier supplier) {
        try {
            return supplier.getAsLong();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
