package dev.supportbot.bot.zendesk.setup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.outbound.OutboundException.Failure;
import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.outbound.OutboundFailures;
import dev.supportbot.bot.outbound.RateLimiter;
import dev.supportbot.bot.outbound.Retry;
import dev.supportbot.bot.outbound.RetryAfter;
import dev.supportbot.bot.outbound.Sleeper;
import dev.supportbot.bot.zendesk.ZendeskAccount;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Zendesk's admin endpoints the Java client lacks or models only in part (webhooks and their signing secret, macro
 * restrictions and descriptions, trigger categories), over HTTP with the adapter's rate limit and 429 retries.
 * Messages name the call and the status, never a request body; a signing secret is returned, never logged.
 */
public final class ZendeskAdminApi {
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);

    private final ZendeskAccount account;
    private final HttpClient http;
    private final RateLimiter limiter;
    private final Retry retry;

    public ZendeskAdminApi(ZendeskAccount account, int callsPerMinute, Clock clock, Sleeper sleeper) {
        this.account = account;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.limiter = new RateLimiter(callsPerMinute, clock, sleeper);
        this.retry = Retry.standard(sleeper);
    }

    public String url() {
        return account.url();
    }

    public JsonNode get(String what, String path) {
        return call(what, "GET", path, null);
    }

    public JsonNode post(String what, String path, JsonNode body) {
        return call(what, "POST", path, body);
    }

    public JsonNode put(String what, String path, JsonNode body) {
        return call(what, "PUT", path, body);
    }

    /**
     * Every element of {@code key} over all pages: offset pages ({@code next_page}) and cursor pages
     * ({@code links.next} while {@code meta.has_more}) alike. Pages are followed only on the account's own host.
     */
    public List<JsonNode> list(String what, String path, String key) {
        List<JsonNode> all = new ArrayList<>();
        String next = path;
        for (int page = 1; next != null; page++) {
            if (page > 1000) throw new OutboundException(Failure.UNAVAILABLE, "Zendesk: " + what + ": more than 1000 pages");
            JsonNode body = get(what, next);
            body.path(key).forEach(all::add);
            String following = body.path("next_page").isTextual() ? body.get("next_page").asText()
                    : body.path("meta").path("has_more").asBoolean(false) ? body.path("links").path("next").asText(null) : null;
            if (following != null && !following.startsWith(account.url() + "/")) {
                throw new OutboundException(Failure.UNAVAILABLE, "Zendesk: " + what + ": next page is on another host");
            }
            next = following == null ? null : following.substring(account.url().length());
        }
        return all;
    }

    private JsonNode call(String what, String method, String path, JsonNode body) {
        return retry.call("Zendesk: " + what, () -> {
            limiter.acquire();
            return once(what, method, path, body);
        });
    }

    private JsonNode once(String what, String method, String path, JsonNode body) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(account.url() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", account.basicAuthorization())
                .header("Accept", "application/json");
        if (body == null) request.method(method, HttpRequest.BodyPublishers.noBody());
        else request.header("Content-Type", "application/json; charset=UTF-8")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new OutboundException(Failure.UNAVAILABLE,
                    "Zendesk: " + what + ": unreachable (" + e.getClass().getSimpleName() + ")", null, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) return json(what, response.body());
        throw failure(what, status, response);
    }

    private static JsonNode json(String what, byte[] body) {
        if (body.length == 0) return MissingNode.getInstance();
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw OutboundFailures.badResponse("Zendesk", what, "not JSON");
        }
    }

    private static OutboundException failure(String what, int status, HttpResponse<byte[]> response) {
        String prefix = "Zendesk: " + what + ": ";
        return switch (status) {
            case 429 -> {
                Duration wait = RetryAfter.seconds(response.headers().firstValue("Retry-After").orElse(null), DEFAULT_RETRY_AFTER);
                yield OutboundException.rateLimited(prefix + "rate limited, retry after " + wait.toSeconds() + " s", wait);
            }
            case 401 -> new OutboundException(Failure.REJECTED,
                    prefix + "credentials refused (HTTP 401): check BOT_ZENDESK_EMAIL and BOT_ZENDESK_TOKEN");
            case 403 -> new OutboundException(Failure.REJECTED,
                    prefix + "not allowed (HTTP 403): the set-up needs the API token of a Zendesk admin");
            case 404 -> new OutboundException(Failure.NOT_FOUND, prefix + "not found (HTTP 404)");
            default -> status >= 500
                    ? new OutboundException(Failure.UNAVAILABLE, prefix + "Zendesk failed (HTTP " + status + ")")
                    : new OutboundException(Failure.REJECTED, prefix + "refused (HTTP " + status + ")" + reason(response.body()));
        };
    }

    /** Zendesk's own explanation of a refusal (about the admin object sent, which holds no customer data). */
    private static String reason(byte[] body) {
        try {
            JsonNode error = Json.MAPPER.readTree(body);
            String text = error.path("description").asText(error.path("error").path("message").asText(error.path("error").asText("")));
            JsonNode details = error.path("details");
            if (!details.isMissingNode()) text = text + " " + Json.MAPPER.writeValueAsString(details);
            text = text.strip();
            return text.isEmpty() ? "" : ": " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request body", e);
        }
    }
}
