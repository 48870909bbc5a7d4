package dev.supportbot.bot.zendesk;

import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;
import org.asynchttpclient.filter.FilterContext;
import org.asynchttpclient.filter.ResponseFilter;

/**
 * Reads what every Zendesk answer says about the account's budget and pauses all instances on it: for a 429, as long
 * as {@code Retry-After} says; when {@code ratelimit-remaining} (or the older {@code x-rate-limit-remaining}) drops to
 * a tenth of the bot's own limit, until {@code ratelimit-reset}, so the bot slows down before the account runs out
 * (the budget is the account's, shared with its other integrations) rather than after.
 */
final class RateLimitSignals implements ResponseFilter {
    static final Duration LOW_BUDGET_PAUSE = Duration.ofSeconds(10);

    private final ApiBudget budget;
    private final int reserve;

    RateLimitSignals(ApiBudget budget) {
        this.budget = budget;
        this.reserve = Math.max(1, budget.requestsPerWindow() / 10);
    }

    @Override
    public <T> FilterContext<T> filter(FilterContext<T> ctx) {
        if (ctx.getResponseStatus() != null && ctx.getResponseHeaders() != null) {
            pauseFor(ctx.getResponseStatus().getStatusCode(), ctx.getResponseHeaders()).ifPresent(budget::pause);
        }
        return ctx;
    }

    Optional<Duration> pauseFor(int status, HttpHeaders headers) {
        if (status == 429) {
            return Optional.of(number(headers.get("Retry-After")).map(Duration::ofSeconds).orElse(ZendeskErrors.DEFAULT_RETRY_AFTER));
        }
        Optional<Long> remaining = number(headers.get("ratelimit-remaining")).or(() -> number(headers.get("x-rate-limit-remaining")));
        if (remaining.isEmpty() || remaining.get() > reserve) return Optional.empty();
        return Optional.of(number(headers.get("ratelimit-reset")).map(Duration::ofSeconds).orElse(LOW_BUDGET_PAUSE));
    }

    /** The header as a whole number; nothing when absent, negative or garbled. */
    private static Optional<Long> number(String header) {
        if (header == null) return Optional.empty();
        try {
            long n = Long.parseLong(header.trim());
            return n < 0 ? Optional.empty() : Optional.of(n);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
