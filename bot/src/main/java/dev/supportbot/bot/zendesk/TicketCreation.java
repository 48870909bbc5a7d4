package dev.supportbot.bot.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.outbound.OutboundException.Failure;
import dev.supportbot.bot.outbound.OutboundFailures;
import dev.supportbot.workflows.redaction.SecretScanner;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.asynchttpclient.Response;

/**
 * {@code POST /api/v2/tickets.json} with an {@code Idempotency-Key} header and the same key as the ticket's
 * {@code external_id}. Sent by hand rather than through the Zendesk client, which throws when the answer lacks
 * Zendesk's {@code x-idempotency-lookup} header (an account without idempotency support), losing the ticket it
 * just opened. The {@code external_id} is what lets the caller find that ticket again after a lost answer.
 */
final class TicketCreation {
    static final String WHAT = "create a ticket";

    private final ZendeskHttp http;

    TicketCreation(ZendeskHttp http) {
        this.http = http;
    }

    long create(NewTicket ticket, String key) throws InterruptedException {
        Map<String, Object> requester = new LinkedHashMap<>();
        requester.put("name", ticket.requesterName());
        requester.put("email", ticket.requesterEmail());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requester", requester);
        fields.put("subject", SecretScanner.mask(ticket.subject()));
        fields.put("comment", Map.of("body", SecretScanner.mask(ticket.body())));
        fields.put("tags", ticket.tags());
        fields.put("external_id", key);
        Response response = http.post(WHAT, "/api/v2/tickets.json", Map.of("ticket", fields), Map.of("Idempotency-Key", key));
        int status = response.getStatusCode();
        if (status == 200 || status == 201) return ticketId(response);
        if (status == 400 && idempotencyConflict(response)) {
            throw new OutboundException(Failure.REJECTED, "Zendesk: " + WHAT + ": idempotency key already used for a different request");
        }
        throw ZendeskErrors.forStatus(WHAT, status, status == 429 ? ZendeskHttp.retryAfter(response) : null);
    }

    private static long ticketId(Response response) {
        JsonNode id;
        try {
            id = Json.MAPPER.readTree(response.getResponseBody()).path("ticket").path("id");
        } catch (IOException e) {
            throw OutboundFailures.badResponse("Zendesk", WHAT, "not JSON");
        }
        if (!id.canConvertToLong() || !id.isIntegralNumber()) throw OutboundFailures.badResponse("Zendesk", WHAT, "no ticket id");
        return id.asLong();
    }

    private static boolean idempotencyConflict(Response response) {
        try {
            return "IdempotentRequestError".equals(Json.MAPPER.readTree(response.getResponseBody()).path("error").asText());
        } catch (IOException e) {
            return false;
        }
    }
}
