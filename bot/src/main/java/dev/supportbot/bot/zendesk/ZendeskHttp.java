package dev.supportbot.bot.zendesk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.outbound.OutboundFailures;
import dev.supportbot.bot.outbound.RetryAfter;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.BoundRequestBuilder;
import org.asynchttpclient.Response;

/**
 * Calls to the Zendesk endpoints the Zendesk client lacks or gets wrong, through the client's own HTTP client: JSON
 * in, the raw response out. No answer at all is "unreachable"; what the answer means is the caller's to judge.
 */
final class ZendeskHttp {
    private final AsyncHttpClient http;
    private final ZendeskAccount account;

    ZendeskHttp(AsyncHttpClient http, ZendeskAccount account) {
        this.http = http;
        this.account = account;
    }

    Response get(String what, String path, Map<String, String> query) throws InterruptedException {
        BoundRequestBuilder request = http.prepareGet(account.url() + path);
        query.forEach(request::addQueryParam);
        request.setHeader("Authorization", account.basicAuthorization()).setHeader("Accept", "application/json");
        try {
            return request.execute().get();
        } catch (ExecutionException e) {
            throw OutboundFailures.unreachable("Zendesk", what, e.getCause() == null ? e : e.getCause());
        }
    }

    /** The answer's JSON; anything else is a bad response (whose message quotes none of the body). */
    static JsonNode json(String what, Response response) {
        int status = response.getStatusCode();
        if (status < 200 || status >= 300) {
            throw ZendeskErrors.forStatus(what, status, status == 429 ? retryAfter(response) : null);
        }
        try {
            JsonNode body = Json.MAPPER.readTree(response.getResponseBodyAsBytes());
            if (body == null || !body.isObject()) throw OutboundFailures.badResponse("Zendesk", what, "not a JSON object");
            return body;
        } catch (IOException e) {
            throw OutboundFailures.badResponse("Zendesk", what, "not JSON");
        }
    }

    Response put(String what, String path, Map<String, ?> body) throws InterruptedException {
        return send(what, http.preparePut(account.url() + path), body, Map.of());
    }

    Response post(String what, String path, Map<String, ?> body, Map<String, String> headers) throws InterruptedException {
        return send(what, http.preparePost(account.url() + path), body, headers);
    }

    private Response send(String what, BoundRequestBuilder request, Map<String, ?> body, Map<String, String> headers)
            throws InterruptedException {
        request.setHeader("Authorization", account.basicAuthorization())
                .setHeader("Content-Type", "application/json; charset=UTF-8")
                .setHeader("Accept", "application/json");
        headers.forEach(request::setHeader);
        try {
            return request.setBody(Json.MAPPER.writeValueAsBytes(body)).execute().get();
        } catch (ExecutionException e) {
            throw OutboundFailures.unreachable("Zendesk", what, e.getCause() == null ? e : e.getCause());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a Zendesk request", e);
        }
    }

    static Duration retryAfter(Response response) {
        return RetryAfter.seconds(response.getHeader("Retry-After"), ZendeskErrors.DEFAULT_RETRY_AFTER);
    }
}
