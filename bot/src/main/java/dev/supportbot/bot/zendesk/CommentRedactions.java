package dev.supportbot.bot.zendesk;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.outbound.OutboundException.Failure;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.Response;

/**
 * The two redaction endpoints the Zendesk client lacks, called through the client's own HTTP client. These requests
 * necessarily carry the secret (Zendesk finds the text to remove by it): they are never logged.
 */
final class CommentRedactions {
    private final AsyncHttpClient http;
    private final ZendeskAccount account;

    CommentRedactions(AsyncHttpClient http, ZendeskAccount account) {
        this.http = http;
        this.account = account;
    }

    /**
     * {@code PUT /api/v2/comment_redactions/{comment}} with the comment's HTML, the secrets wrapped in
     * {@code <redact>}. False when the account does not offer it (403 or 404: the caller checked that the comment
     * exists, so a 404 here means the endpoint).
     */
    boolean redactHtml(long ticketId, long commentId, String markedHtml) throws InterruptedException {
        String what = "redact comment " + commentId + " of ticket " + ticketId;
        int status = put(what, "/api/v2/comment_redactions/" + commentId,
                Map.of("ticket_id", ticketId, "html_body", markedHtml));
        return status != 403 && status != 404;
    }

    /** {@code PUT /api/v2/tickets/{t}/comments/{c}/redact.json}: the older endpoint, one secret a call. */
    void redactText(long ticketId, long commentId, String secret) throws InterruptedException {
        String what = "redact comment " + commentId + " of ticket " + ticketId + " (older endpoint)";
        int status = put(what, "/api/v2/tickets/" + ticketId + "/comments/" + commentId + "/redact.json", Map.of("text", secret));
        if (status == 403 || status == 404) throw ZendeskErrors.forStatus(what, status, null);
    }

    /** Returns 2xx, 403 or 404; throws for every other answer. */
    private int put(String what, String path, Map<String, Object> body) throws InterruptedException {
        Response response;
        try {
            response = http.preparePut(account.url() + path)
                    .setHeader("Authorization", account.basicAuthorization())
                    .setHeader("Content-Type", "application/json; charset=UTF-8")
                    .setHeader("Accept", "application/json")
                    .setBody(Json.MAPPER.writeValueAsBytes(body))
                    .execute()
                    .get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new OutboundException(Failure.UNAVAILABLE,
                    "Zendesk: " + what + ": unreachable (" + cause.getClass().getSimpleName() + ")", null, cause);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a redaction request", e);
        }
        int status = response.getStatusCode();
        if ((status >= 200 && status < 300) || status == 403 || status == 404) return status;
        throw ZendeskErrors.forStatus(what, status, status == 429 ? retryAfter(response.getHeader("Retry-After")) : null);
    }

    private static Duration retryAfter(String header) {
        try {
            return header == null ? ZendeskErrors.DEFAULT_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return ZendeskErrors.DEFAULT_RETRY_AFTER;
        }
    }
}
