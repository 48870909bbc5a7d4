package dev.supportbot.bot.zendesk;

import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.outbound.OutboundException.Failure;
import dev.supportbot.bot.outbound.OutboundFailures;
import java.time.Duration;
import org.zendesk.client.v2.ZendeskException;
import org.zendesk.client.v2.ZendeskResponseException;
import org.zendesk.client.v2.ZendeskResponseIdempotencyConflictException;
import org.zendesk.client.v2.ZendeskResponseRateLimitException;

/**
 * Turns Zendesk failures into {@link OutboundException}s. The client's own exceptions are not kept as causes: their
 * messages carry the response body.
 */
final class ZendeskErrors {
    /** Zendesk's documented default when a 429 comes without a usable {@code Retry-After}. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);

    private ZendeskErrors() {}

    static OutboundException translate(String what, ZendeskException e) {
        if (e instanceof ZendeskResponseRateLimitException limited) {
            Long seconds = limited.getRetryAfter();
            return forStatus(what, 429, seconds == null ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(seconds));
        }
        if (e instanceof ZendeskResponseIdempotencyConflictException) {
            return new OutboundException(Failure.REJECTED,
                    prefix(what) + "idempotency key already used for a different request");
        }
        if (e instanceof ZendeskResponseException response) return forStatus(what, response.getStatusCode(), null);
        // Without a cause it is the client's own complaint about the answer; its message quotes the body.
        return e.getCause() == null ? OutboundFailures.badResponse("Zendesk", what, e.getClass().getSimpleName())
                : OutboundFailures.classify("Zendesk", what, e.getCause());
    }

    static OutboundException forStatus(String what, int status, Duration retryAfter) {
        return switch (status) {
            case 429 -> OutboundException.rateLimited(prefix(what) + "rate limited, retry after " + retryAfter.toSeconds()
                    + " s", retryAfter);
            case 404 -> new OutboundException(Failure.NOT_FOUND, prefix(what) + "not found (HTTP 404)");
            case 401 -> new OutboundException(Failure.REJECTED,
                    prefix(what) + "credentials refused (HTTP 401): check BOT_ZENDESK_EMAIL and BOT_ZENDESK_TOKEN");
            default -> status >= 500
                    ? new OutboundException(Failure.UNAVAILABLE, prefix(what) + "Zendesk failed (HTTP " + status + ")")
                    : status >= 400
                    ? new OutboundException(Failure.REJECTED, prefix(what) + "refused (HTTP " + status + ")")
                    : OutboundFailures.badResponse("Zendesk", what, "unexpected HTTP " + status);
        };
    }

    static OutboundException notFound(String what) {
        return forStatus(what, 404, null);
    }

    private static String prefix(String what) {
        return "Zendesk: " + what + ": ";
    }
}
