package dev.supportbot.bot.testing;

import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/**
 * GitLab's issues API for one project, far side of the wire: MockServer answering {@code POST} and {@code GET
 * /api/v4/projects/{project}/issues} from an in-memory list, newest first, filtered by {@code labels} as GitLab does
 * (an issue must carry every label asked for). Answers can be lost after the issue was created.
 */
public final class FakeGitlab implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Issue(long iid, String title, String description, Set<String> labels, boolean confidential) {}

    private final ClientAndServer server = ClientAndServer.startClientAndServer();
    private final String issuesPath;
    private final List<Issue> issues = new CopyOnWriteArrayList<>();
    private final AtomicInteger createAnswersToLose = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();

    /** {@code encodedProject}: the project as it appears in the path, e.g. "1234" or "legal%2Fcompliance". */
    public FakeGitlab(String encodedProject) {
        this.issuesPath = "/api/v4/projects/" + encodedProject + "/issues";
        server.when(request()).respond(this::answer);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    public List<Issue> issues() {
        return List.copyOf(issues);
    }

    /** The next {@code n} issue creations happen, but each answer is a 502, as when it was lost on the way back. */
    public void loseCreateAnswers(int n) {
        createAnswersToLose.set(n);
    }

    public int lostAnswers() {
        return lost.get();
    }

    public HttpRequest[] recorded() {
        return server.retrieveRecordedRequests(request());
    }

    private HttpResponse answer(HttpRequest request) throws Exception {
        if (!request.getPath().getValue().equals(issuesPath)) return response().withStatusCode(404).withBody("{\"message\":\"404 Project Not Found\"}");
        return switch (request.getMethod().getValue()) {
            case "POST" -> create(JSON.readTree(request.getBodyAsString()));
            case "GET" -> list(request.getFirstQueryStringParameter("labels"));
            default -> response().withStatusCode(405);
        };
    }

    private HttpResponse create(JsonNode body) {
        Set<String> labels = Set.copyOf(Arrays.asList(body.path("labels").asText("").split(",")));
        Issue issue = new Issue(issues.size() + 1, body.path("title").asText(), body.path("description").asText(), labels,
                body.path("confidential").asBoolean());
        issues.add(issue);
        if (createAnswersToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            lost.incrementAndGet();
            return response().withStatusCode(502);
        }
        return json(201, node(issue));
    }

    private HttpResponse list(String labelFilter) {
        List<String> wanted = labelFilter == null || labelFilter.isEmpty() ? List.of() : Arrays.asList(labelFilter.split(","));
        ArrayNode list = JSON.createArrayNode();
        List<Issue> newestFirst = new ArrayList<>(issues);
        java.util.Collections.reverse(newestFirst);
        for (Issue issue : newestFirst) if (issue.labels().containsAll(wanted)) list.add(node(issue));
        return json(200, list);
    }

    private ObjectNode node(Issue issue) {
        ObjectNode node = JSON.createObjectNode().put("id", 90000 + issue.iid()).put("iid", issue.iid())
                .put("title", issue.title()).put("description", issue.description())
                .put("confidential", issue.confidential()).put("web_url", "https://gitlab.example/legal/-/issues/" + issue.iid());
        issue.labels().forEach(node.putArray("labels")::add);
        return node;
    }

    private static HttpResponse json(int status, JsonNode body) {
        return response().withStatusCode(status).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    @Override
    public void close() {
        server.stop();
    }
}
