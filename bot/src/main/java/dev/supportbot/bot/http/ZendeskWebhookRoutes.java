package dev.supportbot.bot.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.inbox.Acceptance;
import dev.supportbot.bot.inbox.InboxColumns;
import dev.supportbot.bot.inbox.Intake;
import dev.supportbot.bot.json.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /webhooks/zendesk}: verify the signature on the raw body, validate the few fields intake needs
 * ({@code ticket_id}, {@code event}, optional {@code delivery_id}), store the event, answer at once.
 */
public final class ZendeskWebhookRoutes implements HttpRoutes {
    public static final String PATH = "/webhooks/zendesk";
    public static final String SOURCE = "zendesk";
    private final ZendeskSignature signature;
    private final Intake intake;

    public ZendeskWebhookRoutes(ZendeskSignature signature, Intake intake) {
        this.signature = signature;
        this.intake = intake;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(PATH, this::receive);
    }

    @Override
    public List<String> limitedPaths() {
        return List.of(PATH);
    }

    private void receive(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        SignatureCheck check = signature.check(
                ctx.header(ZendeskSignature.SIGNATURE_HEADER), ctx.header(ZendeskSignature.TIMESTAMP_HEADER), body);
        if (!check.valid()) {
            ApiError.respond(ctx, 401, check.reason());
            return;
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            ApiError.respond(ctx, 400, "body is not valid JSON");
            return;
        } catch (IOException e) {
            ApiError.respond(ctx, 400, "body cannot be read");
            return;
        }
        if (root == null || !root.isObject()) {
            ApiError.respond(ctx, 400, "body must be a JSON object");
            return;
        }
        Long ticketId = ticketId(root.get("ticket_id"));
        if (ticketId == null) {
            ApiError.respond(ctx, 400, "ticket_id is missing or not a positive number");
            return;
        }
        JsonNode event = root.get("event");
        if (event == null || !event.isTextual() || event.asText().isBlank()) {
            ApiError.respond(ctx, 400, "event is missing or not a string");
            return;
        }
        JsonNode delivery = root.get("delivery_id");
        String deliveryId = delivery != null && delivery.isValueNode() && !delivery.isNull() ? delivery.asText() : null;
        Optional<String> unstorable = InboxColumns.eventTypeProblem("event", "", event.asText())
                .or(() -> InboxColumns.keyProblem("delivery_id", deliveryId));
        if (unstorable.isPresent()) {
            ApiError.respond(ctx, 400, unstorable.get());
            return;
        }
        Acceptance acceptance = intake.submit(SOURCE, event.asText(), ticketId, deliveryId, body);
        ctx.status(200).json(Map.of("status", acceptance.word()));
    }

    static Long ticketId(JsonNode node) {
        if (node == null) return null;
        if (node.isIntegralNumber() && node.canConvertToLong()) return positive(node.asLong());
        if (node.isTextual() && node.asText().trim().matches("\\d{1,18}")) return positive(Long.parseLong(node.asText().trim()));
        return null;
    }

    private static Long positive(long value) {
        return value > 0 ? value : null;
    }
}
