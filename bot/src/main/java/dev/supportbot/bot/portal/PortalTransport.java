package dev.supportbot.bot.portal;

import dev.supportbot.bot.outbound.Retry;
import dev.supportbot.bot.outbound.RetryAfter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends one portal call over HTTP: bearer token, timeout, retries ({@link Retry}) on 429, 5xx, timeouts and connection
 * failures (every {@link PortalRequest} is repeatable: a GET, a safe POST, or a change with its idempotency key), and
 * the mapping of error answers to {@link PortalException} subtypes. Logs name the call only: never a header, a body or
 * a query.
 */
final class PortalTransport {
    private final HttpClient http;
    private final Supplier<String> baseUrl;
    private final String token;
    private final Duration timeout;
    private final Retry retry;
    private final Clock clock;

    PortalTransport(HttpClient http, Supplier<String> baseUrl, String token, Duration timeout, Retry retry, Clock clock) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.token = token;
        this.timeout = timeout;
        this.retry = retry;
        this.clock = clock;
    }

    /** The body of the 2xx answer (empty for 204). */
    byte[] send(PortalRequest request) {
        String call = request.describe();
        return retry.call("portal " + call, () -> attempt(request, call));
    }

    /** One attempt: the 2xx body, or (thrown) {@link PortalException.Unavailable} worth repeating or a final error. */
    private byte[] attempt(PortalRequest request, String call) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(httpRequest(request), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new PortalException.Unavailable(call, 0, "unreachable (no answer within " + timeout.toMillis() + " ms)", null);
        } catch (IOException e) {
            throw new PortalException.Unavailable(call, 0, "unreachable (" + e.getClass().getSimpleName() + ")", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortalException.Unavailable(call, 0, "interrupted", null);
        }
        int status = response.statusCode();
        byte[] body = response.body();
        if (status >= 200 && status < 300) return body == null ? new byte[0] : body;
        String detail = ProblemDetail.of(body, "no detail given");
        if (status == 429 || status >= 500) {
            Optional<Duration> retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock);
            throw new PortalException.Unavailable(call, status,
                    detail + retryAfter.map(d -> " (Retry-After " + d.toSeconds() + " s)").orElse(""), retryAfter.orElse(null));
        }
        throw switch (status) {
            case 404, 410 -> new PortalException.NotFound(call, status, detail);
            case 409 -> new PortalException.Conflict(call, status, detail);
            case 400, 422 -> new PortalException.Rejected(call, status, detail);
            case 401, 403 -> new PortalException.Refused(call, status, detail);
            default -> new PortalException.BadResponse(call, status, "unexpected status: " + detail);
        };
    }

    private HttpRequest httpRequest(PortalRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl.get() + request.pathAndQuery()))
                .timeout(timeout)
                .header("Accept", "application/json, application/problem+json")
                .method(request.method(), request.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.body() != null) builder.header("Content-Type", "application/json");
        if (token != null) builder.header("Authorization", "Bearer " + token);
        if (request.key() != null) builder.header("Idempotency-Key", request.key().value());
        return builder.build();
    }
}
