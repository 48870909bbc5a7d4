package dev.supportbot.bot.testing;

import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.RegexBody;

/**
 * Slack's Web API and the response URLs of Slack's interactions, as a MockServer the bot under test calls: the
 * answers a test gives it, and the requests it recorded. Closing it holds every Web API request to Slack's own API
 * description, then stops it.
 */
public final class SlackStandIn implements AutoCloseable {
    /** The bot's channel, as {@link StandIns#connect} configures it. */
    public static final String CHANNEL = "C123";
    private static final String MESSAGE_ANSWER = "{\"ok\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\"1700000000.000100\"}";

    private final ClientAndServer server = ClientAndServer.startClientAndServer();

    public int port() {
        return server.getPort();
    }

    // ---- what it answers

    /** {@code chat.postMessage} answers with the message posted. */
    public SlackStandIn postsMessages() {
        return answers("chat.postMessage", MESSAGE_ANSWER);
    }

    /** {@code chat.update} answers with the message updated. */
    public SlackStandIn updatesMessages() {
        return answers("chat.update", MESSAGE_ANSWER);
    }

    /** {@code users.lookupByEmail} finds {@code userId}, whatever the address. */
    public SlackStandIn findsByEmail(String userId) {
        return answers("users.lookupByEmail", "{\"ok\":true,\"user\":{\"id\":\"" + userId + "\",\"name\":\"agent\"}}");
    }

    /** {@code users.info} of {@code userId} gives {@code realName}; for anyone else it has no answer (MockServer's 404). */
    public SlackStandIn names(String userId, String realName) {
        server.when(request().withPath("/api/users.info").withBody(RegexBody.regex(".*user=" + userId + ".*")))
                .respond(json("{\"ok\":true,\"user\":{\"id\":\"" + userId + "\",\"real_name\":\"" + realName + "\","
                        + "\"profile\":{\"display_name\":\"\"}}}"));
        return this;
    }

    /** {@code views.open} opens the modal {@code V1}. */
    public SlackStandIn opensViews() {
        return answers("views.open", "{\"ok\":true,\"view\":{\"id\":\"V1\"}}");
    }

    /** {@code usergroups.users.list} gives {@code members}, whatever the group. */
    public SlackStandIn listsGroupMembers(String... members) {
        return answers("usergroups.users.list", "{\"ok\":true,\"users\":[\"" + String.join("\",\"", members) + "\"]}");
    }

    /** Every response URL ({@code /respond/...}) takes what the bot sends it. */
    public SlackStandIn takesResponses() {
        server.when(request().withPath("/respond/.*")).respond(response().withStatusCode(200).withBody("ok"));
        return this;
    }

    private SlackStandIn answers(String method, String body) {
        server.when(request().withPath("/api/" + method)).respond(json(body));
        return this;
    }

    private static org.mockserver.model.HttpResponse json(String body) {
        return response().withStatusCode(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    // ---- response URLs

    /** A response URL of its own for {@code user}'s next interaction: {@link #responsesTo} finds what it received. */
    public static String responsePath(String user) {
        return "/respond/" + user + "-" + System.nanoTime();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    // ---- what the bot sent it

    /** The requests recorded at {@code path} (a regular expression). */
    public HttpRequest[] recorded(String path) {
        return server.retrieveRecordedRequests(request().withPath(path));
    }

    /** Every request recorded. */
    public HttpRequest[] recorded() {
        return server.retrieveRecordedRequests(request());
    }

    /** The calls of the Web API {@code method}, each as its fields. */
    public List<JsonNode> posted(String method) {
        List<JsonNode> out = new ArrayList<>();
        for (HttpRequest r : recorded("/api/" + method)) out.add(SlackMessages.body(r.getBodyAsString()));
        return out;
    }

    /** The approval ids on the approve buttons of the messages posted. */
    public List<String> approvalIds() {
        List<String> ids = new ArrayList<>();
        for (JsonNode message : posted("chat.postMessage")) {
            String id = SlackMessages.approvalIdIn(message);
            if (id != null) ids.add(id);
        }
        return ids;
    }

    /** The bodies sent to the response URLs of {@code user}'s interactions ({@link #responsePath}). */
    public List<String> responsesTo(String user) {
        return Arrays.stream(recorded("/respond/" + user + "-.*")).map(HttpRequest::getBodyAsString).toList();
    }

    /** Waits for the one answer sent to the response URL at {@code path}; its text. */
    public String answerAt(String path) {
        Await.until("the answer at " + path, Duration.ofSeconds(30), () -> recorded(path).length == 1);
        return SlackMessages.textOf(recorded(path)[0].getBodyAsString());
    }

    @Override
    public void close() {
        VendorContracts.assertKeptThenStop(VendorContracts.Api.SLACK, server);
    }
}
