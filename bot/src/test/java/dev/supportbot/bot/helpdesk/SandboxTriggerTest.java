package dev.supportbot.bot.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.testing.Await;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Zendesk stand-in fires the shipped trigger: a ticket a requester opens with the start tag reaches the bot as
 * a signed webhook built from the trigger's body template, the bot accepts it and starts ownership verification,
 * whose own updates (by the bot's user) fire nothing, as the trigger's condition says.
 */
class SandboxTriggerTest {

    @Test
    void a_ticket_opened_with_the_start_tag_fires_a_signed_webhook_that_starts_ownership_verification() throws Exception {
        try (HelpdeskBot sandbox = HelpdeskBot.start()) {
            String json = Json.MAPPER.writeValueAsString(Map.of("ticket", Map.of("subject", "Add me as a contact",
                    "comment", Map.of("body", "Hello, I need to manage subscription A-S00001001 for Acme."),
                    "tags", List.of("supportbot_start_ownership_verification"))));
            HttpResponse<String> created = sandbox.zendesk("POST", "/api/v2/tickets.json", json, "sam@acme.example");
            long ticket = Json.MAPPER.readTree(created.body()).path("ticket").path("id").asLong();

            Await.until("the trigger's webhook delivered", Duration.ofSeconds(20),
                    () -> !sandbox.helpdesk.trigger().deliveries().isEmpty());
            Await.until("the bot asks for proof", Duration.ofSeconds(60), () -> sandbox.count(
                    "SELECT COUNT(*) FROM sandbox_zd_tag WHERE ticket_id = ? AND tag = 'supportbot_ov_awaiting_proof'", ticket) == 1);

            assertThat(sandbox.helpdesk.trigger().deliveries()).first().isEqualTo(
                    new TriggerSender.Delivery(ticket, "sam@acme.example", 200));
            String payload = sandbox.jdbi().withHandle(h -> h.createQuery(
                    "SELECT payload FROM inbox WHERE source = 'zendesk' AND ticket_id = :t").bind("t", ticket).mapTo(String.class).first());
            JsonNode body = Json.MAPPER.readTree(payload);
            assertThat(body.path("event").asText()).isEqualTo("ticket.updated");
            assertThat(body.path("actor_email").asText()).isEqualTo("sam@acme.example");
            assertThat(body.path("tags").asText()).isEqualTo("supportbot_start_ownership_verification");
            assertThat(body.path("requester_id").asText()).isEqualTo("9301");
            assertThat(body.path("delivery_id").asText()).startsWith(ticket + "-");
            // The latest comment, as the shipped trigger's placeholders and loops fill it: the ticket's only comment.
            long comment = sandbox.jdbi().withHandle(h -> h.createQuery("SELECT MIN(id) FROM sandbox_zd_comment WHERE ticket_id = :t")
                    .bind("t", ticket).mapTo(Long.class).one());
            assertThat(body.path("comment_id").asText()).isEqualTo(Long.toString(comment));
            assertThat(body.path("comment_author_id").asText()).isEqualTo("9301");
            assertThat(body.path("comment_public").asText()).isEqualTo("true");
            assertThat(body.path("comment_body").asText()).isEqualTo("Hello, I need to manage subscription A-S00001001 for Acme.");
            assertThat(body.path("comment_attachments").asText()).isEmpty();
            assertThat(body.path("recent_comment_ids").asText()).isEqualTo(comment + " ");
            assertThat(sandbox.count("SELECT COUNT(*) FROM sandbox_zd_comment c JOIN sandbox_zd_ticket t ON t.id = c.ticket_id "
                    + "WHERE t.id = ? AND c.author_id = ? AND c.is_public", ticket, HelpdeskPeople.BOT.zendeskId())).isEqualTo(1);
            // The bot's own writes (its question, the ticket to the Sold To contact) fire nothing.
            assertThat(sandbox.helpdesk.trigger().deliveries()).extracting(TriggerSender.Delivery::actorEmail)
                    .containsOnly("sam@acme.example");
        }
    }

    @Test
    void every_change_by_a_person_fires_with_its_own_delivery_id() throws Exception {
        try (HelpdeskBot sandbox = HelpdeskBot.start()) {
            String json = Json.MAPPER.writeValueAsString(Map.of("ticket", Map.of("subject", "Hi", "comment", Map.of("body", "Hi"))));
            long ticket = Json.MAPPER.readTree(sandbox.zendesk("POST", "/api/v2/tickets.json", json, "rita@globex.example").body())
                    .path("ticket").path("id").asLong();
            for (int i = 0; i < 3; i++) {
                sandbox.zendesk("PUT", "/api/v2/tickets/" + ticket + ".json", "{\"ticket\":{\"additional_tags\":[\"t" + i + "\"]}}",
                        "jordan.kim@gitlab.com");
            }

            Await.until("four deliveries", Duration.ofSeconds(20), () -> sandbox.helpdesk.trigger().deliveries().size() == 4);
            assertThat(sandbox.helpdesk.trigger().deliveries()).extracting(TriggerSender.Delivery::status).containsOnly(200);
            assertThat(sandbox.count("SELECT COUNT(DISTINCT dedup_key) FROM inbox WHERE source = 'zendesk' AND ticket_id = ?", ticket))
                    .isEqualTo(4);
        }
    }

    @Test
    void an_activation_code_a_requester_pastes_is_redacted_by_the_bot_with_a_private_note() throws Exception {
        String code = "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2";
        try (HelpdeskBot sandbox = HelpdeskBot.start()) {
            String json = Json.MAPPER.writeValueAsString(Map.of("ticket", Map.of("subject", "Activation",
                    "comment", Map.of("body", "My activation code is " + code + " and it fails."))));
            long ticket = Json.MAPPER.readTree(sandbox.zendesk("POST", "/api/v2/tickets.json", json, "rita@globex.example").body())
                    .path("ticket").path("id").asLong();

            Await.until("the code is redacted", Duration.ofSeconds(60), () -> sandbox.count(
                    "SELECT COUNT(*) FROM sandbox_zd_comment WHERE ticket_id = ? AND body LIKE ?", ticket, "%" + code + "%") == 0);
            Await.until("the bot's private note", Duration.ofSeconds(30), () -> sandbox.count(
                    "SELECT COUNT(*) FROM sandbox_zd_comment WHERE ticket_id = ? AND author_id = ? AND NOT is_public",
                    ticket, HelpdeskPeople.BOT.zendeskId()) == 1);

            assertThat(sandbox.helpdesk.zendesk().ticket(ticket).requesterId()).isEqualTo(9303);
            assertThat(sandbox.count("SELECT COUNT(*) FROM sandbox_zd_comment WHERE body LIKE ?", "%" + code + "%")).isZero();
            assertThat(sandbox.helpdesk.trigger().deliveries()).extracting(TriggerSender.Delivery::actorEmail)
                    .containsOnly("rita@globex.example");
        }
    }
}
