package dev.supportbot.bot.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.zendesk.ZendeskAccount;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a person does in the sandbox console, sent to the stand-ins over HTTP as anyone else would: Zendesk API calls
 * on behalf of the chosen user ({@code X-On-Behalf-Of}, so the stand-in fires the trigger as for any change), and
 * clicks, {@code /lnr} commands and modal submissions through the Slack stand-in's {@code /sandbox/slack/...}. A refusal comes back as a 4xx with its reason.
 */
final class StandInClient {
    private final ZendeskAccount zendesk;
    private final Supplier<String> botUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    StandInClient(ZendeskAccount zendesk, Supplier<String> botUrl) {
        this.zendesk = zendesk;
        this.botUrl = botUrl;
    }

    /** A new ticket by a requester; its id. */
    long openTicket(String requesterEmail, String subject, String body) {
        ObjectNode request = Json.MAPPER.createObjectNode();
        ObjectNode ticket = request.putObject("ticket").put("subject", subject);
        ticket.putObject("comment").put("body", body).put("public", true);
        JsonNode answer = zendesk("POST", "/api/v2/tickets.json", request, requesterEmail);
        return answer.path("ticket").path("id").asLong();
    }

    void comment(long ticketId, String authorEmail, String body, boolean isPublic) {
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.putObject("ticket").putObject("comment").put("body", body).put("public", isPublic);
        zendesk("PUT", "/api/v2/tickets/" + ticketId + ".json", request, authorEmail);
    }

    void applyMacro(long ticketId, String agentEmail, ConsoleMacros.Macro macro) {
        ObjectNode request = Json.MAPPER.createObjectNode();
        ObjectNode ticket = request.putObject("ticket");
        if (macro.comment() != null && !macro.comment().isEmpty()) {
            ticket.putObject("comment").put("body", macro.comment()).put("public", macro.isPublic());
        }
        macro.tags().forEach(ticket.putArray("additional_tags")::add);
        macro.removeTags().forEach(ticket.putArray("remove_tags")::add);
        if (macro.status() != null) ticket.put("status", macro.status());
        zendesk("PUT", "/api/v2/tickets/" + ticketId + ".json", request, agentEmail);
    }

    /** What the bot answered a request the Slack stand-in sent it: its HTTP status, and the key it is stored under. */
    record SlackAnswer(int botStatus, String key) {}

    /** Clicks a message's button as a Slack user. */
    SlackAnswer click(String channel, String ts, String actionId, String userId) {
        return slack("/clicks", Json.MAPPER.createObjectNode().put("channel", channel).put("ts", ts).put("action_id", actionId)
                .put("user", userId));
    }

    /** Types {@code /lnr text} in the channel as a Slack user. */
    SlackAnswer command(String channel, String userId, String text) {
        return slack("/commands", Json.MAPPER.createObjectNode().put("channel", channel).put("user", userId).put("text", text));
    }

    /** Submits a modal as the user it was opened for, with the text typed into each input (block id to action id to text). */
    SlackAnswer submit(String viewId, String userId, Map<String, Map<String, String>> values) {
        ObjectNode request = Json.MAPPER.createObjectNode().put("view_id", viewId).put("user", userId);
        ObjectNode blocks = request.putObject("values");
        values.forEach((block, actions) -> {
            ObjectNode b = blocks.putObject(block);
            actions.forEach(b::put);
        });
        return slack("/submissions", request);
    }

    void closeView(String viewId) {
        slack("/closes", Json.MAPPER.createObjectNode().put("view_id", viewId));
    }

    private SlackAnswer slack(String path, ObjectNode request) {
        JsonNode answer = send("POST", botUrl.get() + "/sandbox/slack" + path, request, null, null);
        return new SlackAnswer(answer.path("bot_status").asInt(), answer.path("key").asText(null));
    }

    private JsonNode zendesk(String method, String path, ObjectNode body, String onBehalfOf) {
        return send(method, zendesk.url() + path, body, zendesk.basicAuthorization(), onBehalfOf);
    }

    private JsonNode send(String method, String url, ObjectNode body, String authorization, String onBehalfOf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        if (authorization != null) request.header("Authorization", authorization);
        if (onBehalfOf != null) request.header("X-On-Behalf-Of", onBehalfOf);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new HttpResponseException(502, "the sandbox stand-in did not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpResponseException(503, "interrupted");
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() >= 300) {
            String reason = answer.path("description").asText(answer.path("error").asText("status " + response.statusCode()));
            int status = response.statusCode() >= 500 ? 502 : response.statusCode() == 404 ? 404 : 400;
            throw new HttpResponseException(status, "the sandbox refused it: " + reason);
        }
        return answer;
    }

    private static JsonNode parse(String body) {
        try {
            return Json.MAPPER.readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }
}
