package dev.supportbot.bot.zendesk;

import java.util.Map;
import org.asynchttpclient.Response;

/**
 * The two redaction endpoints the Zendesk client lacks, called through {@link ZendeskHttp}. These requests
 * necessarily carry the secret (Zendesk finds the text to remove by it): they are never logged.
 */
final class CommentRedactions {
    private final ZendeskHttp http;

    CommentRedactions(ZendeskHttp http) {
        this.http = http;
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
        Response response = http.put(what, path, body);
        int status = response.getStatusCode();
        if ((status >= 200 && status < 300) || status == 403 || status == 404) return status;
        throw ZendeskErrors.forStatus(what, status, status == 429 ? ZendeskHttp.retryAfter(response) : null);
    }
}
