package dev.supportbot.bot.portal;

import dev.supportbot.bot.outbound.Sleeper;
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
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one portal call over HTTP: bearer token, timeout, retries on 429, 5xx, timeouts and connection failures (every
 * {@link PortalRequest} is repeatable: a GET, a safe POST, or a change with its idempotency key), and the mapping of
 * error answers to {@link PortalException} subtypes. Logs name the call only: never a header, a body or a query.
 */
final class PortalTransport {
    private static final Logger log = LoggerFactory.getLogger(PortalTransport.class);

    private final HttpClient http;
    private final Supplier<String> baseUrl;
    private final String token;
    private final Duration timeout;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Clock clock;
    private final RandomGenerator random;

    PortalTransport(HttpClient http, Supplier<String> baseUrl, String token, Duration timeout, RetryPolicy retry,
            Sleeper sleeper, Clock clock, RandomGenerator random) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.token = token;
        this.timeout = timeout;
        this.retry = retry;
        this.sleeper = sleeper;
        this.clock = clock;
        this.random = random;
    }

    /** The body of the 2xx answer (empty for 204). */
    byte[] send(PortalRequest request) {
        String call = request.describe();
        for (int attempt = 1; ; attempt++) {
            Attempt outcome = attempt(request, call);
            if (outcome.succeeded()) return outcome.body();
            if (attempt >= retry.maxAttempts()) throw outcome.unavailable(call, " (gave up after " + attempt + " attempts)");
            Duration retryAfter = outcome.retryAfter();
            if (retryAfter != null && retryAfter.compareTo(retry.maxRetryAfter()) > 0) {
                throw outcome.unavailable(call, " (longer than this client waits)");
            }
            Duration wait = retryAfter != null ? retryAfter : retry.backoff(attempt, random);
            log.warn("portal {}: {}; attempt {}/{} in {} ms", call, outcome.describe(), attempt + 1, retry.maxAttempts(),
                    wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PortalException.Unavailable(call, 0, "interrupted while waiting to retry", null);
            }
        }
    }

    /** One attempt: the 2xx body, a retryable failure, or (thrown) a final error. */
    private Attempt attempt(PortalRequest request, String call) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(httpRequest(request), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return Attempt.noAnswer("unreachable (no answer within " + timeout.toMillis() + " ms)");
        } catch (IOException e) {
            return Attempt.noAnswer("unreachable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortalException.Unavailable(call, 0, "interrupted", null);
        }
        int status = response.statusCode();
        byte[] body = response.body();
        if (status >= 200 && status < 300) return Attempt.success(body == null ? new byte[0] : body);
        String detail = ProblemDetail.of(body, "no detail given");
        if (status == 429 || status >= 500) {
            Duration retryAfter = RetryPolicy.parseRetryAfter(response.headers().firstValue("Retry-After").orElse(null), clock)
                    .orElse(null);
            return new Attempt(null, status, detail, retryAfter);
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

    /** The outcome of one attempt: a success (with its body), or a failure worth repeating. */
    private record Attempt(byte[] body, int status, String detail, Duration retryAfter) {
        static Attempt success(byte[] body) {
            return new Attempt(body, 0, null, null);
        }

        static Attempt noAnswer(String detail) {
            return new Attempt(null, 0, detail, null);
        }

        boolean succeeded() {
            return body != null;
        }

        String describe() {
            return (status > 0 ? status + " " : "") + detail + Optional.ofNullable(retryAfter)
                    .map(d -> " (Retry-After " + d.toSeconds() + " s)").orElse("");
        }

        PortalException.Unavailable unavailable(String call, String note) {
            return new PortalException.Unavailable(call, status, describe() + note, retryAfter);
        }
    }
}
