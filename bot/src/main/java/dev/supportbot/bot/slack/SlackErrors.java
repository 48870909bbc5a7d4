package dev.supportbot.bot.slack;

import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.outbound.OutboundException.Failure;
import dev.supportbot.bot.outbound.OutboundFailures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns Slack's answers (HTTP status, or {@code ok: false} with an error code) into {@link OutboundException}s. */
final class SlackErrors {
    /** When Slack rate limits without saying for how long. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private static final Set<String> NOT_FOUND = Set.of("channel_not_found", "message_not_found", "expired_url");
    private static final Set<String> UNAVAILABLE =
            Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout");

    private SlackErrors() {}

    static OutboundException forStatus(String what, int status, Map<String, List<String>> headers) {
        if (status == 429) return rateLimited(what, headers);
        if (status == 404) return new OutboundException(Failure.NOT_FOUND, prefix(what) + "not found (HTTP 404)");
        if (status >= 500) return new OutboundException(Failure.UNAVAILABLE, prefix(what) + "Slack failed (HTTP " + status + ")");
        if (status < 400) return badResponse(what, "unexpected HTTP " + status);
        return new OutboundException(Failure.REJECTED, prefix(what) + "refused (HTTP " + status + ")");
    }

    static OutboundException forError(String what, String error, Map<String, List<String>> headers) {
        if ("ratelimited".equals(error)) return rateLimited(what, headers);
        Failure failure = NOT_FOUND.contains(error) ? Failure.NOT_FOUND
                : UNAVAILABLE.contains(error) ? Failure.UNAVAILABLE : Failure.REJECTED;
        return new OutboundException(failure, prefix(what) + error);
    }

    /** No answer, or one the SDK could not read. */
    static OutboundException failed(String what, Exception e) {
        return OutboundFailures.classify("Slack", what, e);
    }

    static OutboundException badResponse(String what, String detail) {
        return OutboundFailures.badResponse("Slack", what, detail);
    }

    private static OutboundException rateLimited(String what, Map<String, List<String>> headers) {
        Duration wait = retryAfter(headers);
        return OutboundException.rateLimited(prefix(what) + "rate limited, retry after " + wait.toSeconds() + " s", wait);
    }

    private static Duration retryAfter(Map<String, List<String>> headers) {
        if (headers == null) return DEFAULT_RETRY_AFTER;
        return headers.entrySet().stream()
                .filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase("Retry-After") && !h.getValue().isEmpty())
                .findFirst()
                .map(h -> {
                    try {
                        return Duration.ofSeconds(Long.parseLong(h.getValue().get(0).trim()));
                    } catch (NumberFormatException e) {
                        return DEFAULT_RETRY_AFTER;
                    }
                })
                .orElse(DEFAULT_RETRY_AFTER);
    }

    private static String prefix(String what) {
        return "Slack: " + what + ": ";
    }
}
