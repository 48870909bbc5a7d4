package dev.supportbot.bot.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.outbound.Sleeper;
import dev.supportbot.bot.zendesk.ApiBudget;
import dev.supportbot.bot.zendesk.NewTicket;
import dev.supportbot.bot.zendesk.Redaction;
import dev.supportbot.bot.zendesk.TicketStatus;
import dev.supportbot.bot.zendesk.TicketUpdate;
import dev.supportbot.bot.zendesk.Zendesk;
import dev.supportbot.bot.zendesk.ZendeskComment;
import dev.supportbot.bot.zendesk.ZendeskTicket;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What the Zendesk stand-in answers on the wire, beyond what {@link ZendeskFarSidesTest} checks through the adapter
 * on both far sides: the idempotency header and refusal, the 429's Retry-After, and JSON 4xx for bad requests that
 * change nothing.
 */
class SandboxZendeskApiTest {
    private final List<String> outcomes = new CopyOnWriteArrayList<>();

    /** The adapter alone: the trigger is deactivated, so the bot's engine (its own redaction) does not join in. */
    private Zendesk adapter(HelpdeskBot sandbox) {
        sandbox.helpdesk.trigger().deactivate(true);
        ApiBudget budget = ApiBudget.fromConfig(sandbox.config, sandbox.bot.database(), Clock.systemUTC(), Sleeper.SYSTEM);
        return Zendesk.fromConfig(sandbox.config, budget, Sleeper.SYSTEM, (kind, outcome) -> outcomes.add(outcome));
    }

    private static long openTicket(HelpdeskBot sandbox, String asEmail, String body, String... tags) throws Exception {
        String json = Json.MAPPER.writeValueAsString(java.util.Map.of("ticket", java.util.Map.of(
                "subject", "Ownership", "comment", java.util.Map.of("body", body), "tags", List.of(tags))));
        HttpResponse<String> created = sandbox.zendesk("POST", "/api/v2/tickets.json", json, asEmail);
        assertThat(created.statusCode()).isEqualTo(201);
        return Json.MAPPER.readTree(created.body()).path("ticket").path("id").asLong();
    }

    @Test
    void ticket_creation_is_idempotent_by_key_and_a_key_reused_for_another_request_is_refused() throws Exception {
        try (HelpdeskBot sandbox = HelpdeskBot.start(); Zendesk zendesk = adapter(sandbox)) {
            NewTicket toSoldTo = new NewTicket("Pat Lee", "pat@acme.example", "Approval", "Do you approve?", List.of("supportbot_ov_approval"));
            long first = zendesk.createTicket(toSoldTo, "ov-17-approval");
            long again = zendesk.createTicket(toSoldTo, "ov-17-approval");
            String body = "{\"ticket\":{\"subject\":\"x\",\"comment\":{\"body\":\"y\"},\"requester\":{\"email\":\"new@example.com\"}}}";
            HttpResponse<String> miss = sandbox.zendesk("POST", "/api/v2/tickets.json", body, null, "Idempotency-Key", "raw-1");
            HttpResponse<String> hit = sandbox.zendesk("POST", "/api/v2/tickets.json", body, null, "Idempotency-Key", "raw-1");
            HttpResponse<String> reused = sandbox.zendesk("POST", "/api/v2/tickets.json", body.replace("\"y\"", "\"z\""), null,
                    "Idempotency-Key", "raw-1");

            assertThat(again).isEqualTo(first);
            assertThat(sandbox.count("SELECT COUNT(*) FROM sandbox_zd_ticket WHERE external_id = ?", "ov-17-approval")).isEqualTo(1);
            assertThat(zendesk.ticket(first).requester().email()).isEqualTo("pat@acme.example");
            assertThat(miss.headers().firstValue("x-idempotency-lookup")).contains("miss");
            assertThat(hit.headers().firstValue("x-idempotency-lookup")).contains("hit");
            assertThat(Json.MAPPER.readTree(hit.body()).path("ticket").path("id").asLong())
                    .isEqualTo(Json.MAPPER.readTree(miss.body()).path("ticket").path("id").asLong());
            assertThat(reused.statusCode()).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(reused.body()).path("error").asText()).isEqualTo("IdempotentRequestError");
            assertThat(sandbox.count("SELECT COUNT(*) FROM sandbox_zd_user WHERE email = 'new@example.com'")).isEqualTo(1);
        }
    }

    @Test
    void a_429_with_retry_after_is_waited_out_and_the_call_then_succeeds() throws Exception {
        try (HelpdeskBot sandbox = HelpdeskBot.start(); Zendesk zendesk = adapter(sandbox)) {
            long id = openTicket(sandbox, "milton@initech.example", "Stapler");
            sandbox.helpdesk.rateLimitNext(1, Duration.ofSeconds(1));
            HttpResponse<String> raw = sandbox.zendesk("GET", "/api/v2/tickets/" + id + ".json", null, null);
            sandbox.helpdesk.rateLimitNext(1, Duration.ofSeconds(1));

            long started = System.nanoTime();
            ZendeskTicket ticket = zendesk.ticket(id);

            assertThat(raw.statusCode()).isEqualTo(429);
            assertThat(raw.headers().firstValue("Retry-After")).contains("1");
            assertThat(ticket.subject()).isEqualTo("Ownership");
            assertThat(outcomes).containsExactly("rate_limited", "ok");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        }
    }

    @Test
    void bad_requests_get_a_json_4xx_and_change_nothing() throws Exception {
        try (HelpdeskBot sandbox = HelpdeskBot.start()) {
            long id = openTicket(sandbox, "sam@acme.example", "Hello");
            long comments = sandbox.count("SELECT COUNT(*) FROM sandbox_zd_comment");
            HttpResponse<String> notJson = sandbox.zendesk("PUT", "/api/v2/tickets/" + id + ".json", "{nope", null);
            HttpResponse<String> badStatus = sandbox.zendesk("PUT", "/api/v2/tickets/" + id + ".json",
                    "{\"ticket\":{\"status\":\"gone\",\"comment\":{\"body\":\"x\"}}}", null);
            HttpResponse<String> unknown = sandbox.zendesk("GET", "/api/v2/tickets/999999.json", null, null);
            HttpResponse<String> badCursor = sandbox.zendesk("GET", "/api/v2/tickets/" + id + "/comments.json?page%5Bsize%5D=10&page%5Bafter%5D=zz", null, null);
            HttpResponse<String> stranger = sandbox.zendesk("GET", "/api/v2/tickets/" + id + ".json", null, "nobody@example.com");

            for (HttpResponse<String> r : List.of(notJson, badStatus, unknown, badCursor, stranger)) {
                assertThat(r.statusCode()).isBetween(400, 499);
                JsonNode body = Json.MAPPER.readTree(r.body());
                assertThat(body.path("error").asText()).isNotBlank();
            }
            assertThat(List.of(notJson.statusCode(), badStatus.statusCode(), unknown.statusCode(), badCursor.statusCode(),
                    stranger.statusCode())).containsExactly(400, 422, 404, 400, 403);
            assertThat(sandbox.count("SELECT COUNT(*) FROM sandbox_zd_comment")).isEqualTo(comments);
        }
    }
}
