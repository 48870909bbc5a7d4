package dev.supportbot.bot.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.zendesk.TicketStatus;
import dev.supportbot.bot.zendesk.ZendeskTicket;
import dev.supportbot.bot.zendesk.ZendeskUser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the trigger's (signed, so authentic) webhook body says of the ticket: its requester, tags and status, filled
 * in by Zendesk's placeholders. Enough to decide without reading the ticket that no workflow is concerned; a body
 * without all three (an older trigger) says nothing, and the ticket is read.
 */
record WebhookTicket(long requesterId, List<String> tags, TicketStatus status) {

    static Optional<WebhookTicket> of(String payload) {
        Optional<JsonNode> json = body(payload);
        if (json.isEmpty()) return Optional.empty();
        JsonNode body = json.get();
        Optional<Long> requester = number(body.path("requester_id"));
        JsonNode tags = body.path("tags");
        JsonNode status = body.path("status");
        if (requester.isEmpty() || !(tags.isTextual() || tags.isArray()) || !status.isTextual()) return Optional.empty();
        List<String> tagList = new ArrayList<>();
        if (tags.isArray()) tags.forEach(t -> tagList.add(t.asText()));
        else for (String tag : tags.asText().trim().split("\\s+")) if (!tag.isEmpty()) tagList.add(tag);
        TicketStatus parsed;
        try {
            parsed = TicketStatus.valueOf(status.asText().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new WebhookTicket(requester.get(), List.copyOf(tagList), parsed));
    }

    /**
     * The agent whose action made the trigger fire ({@code "actor_email": "{{current_user.email}}"}), e.g. who applied
     * a start macro; empty when the body does not say.
     */
    static Optional<String> actorEmail(String payload) {
        String email = body(payload).map(b -> b.path("actor_email").asText("").trim()).orElse("");
        return email.contains("@") ? Optional.of(email.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /**
     * The name of that agent ({@code "actor_name": "{{current_user.name}}"}), for the texts people read; empty when the
     * body does not say. At most 100 characters, on one line.
     */
    static Optional<String> actorName(String payload) {
        String name = body(payload).map(b -> b.path("actor_name").asText("").replaceAll("\\s+", " ").strip()).orElse("");
        if (name.isEmpty() || name.startsWith("{{")) return Optional.empty();
        return Optional.of(name.length() > 100 ? name.substring(0, 100) : name);
    }

    /** The ticket as far as the body tells: no subject, description or requester name (not needed without a workflow). */
    ZendeskTicket ticket(long ticketId) {
        return new ZendeskTicket(ticketId, null, null, new ZendeskUser(requesterId, null, null), tags, status);
    }

    /** The webhook's body, when it is a JSON object. */
    static Optional<JsonNode> body(String payload) {
        try {
            JsonNode body = payload == null ? null : Json.MAPPER.readTree(payload);
            return body != null && body.isObject() ? Optional.of(body) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A number, or a string of digits (as placeholders fill it). */
    static Optional<Long> number(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) return Optional.of(node.asLong());
        if (node.isTextual() && node.asText().trim().matches("\\d{1,18}")) return Optional.of(Long.parseLong(node.asText().trim()));
        return Optional.empty();
    }
}
