package dev.supportbot.bot.tracker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.outbound.OutboundException.Failure;
import dev.supportbot.bot.outbound.RateLimitRetry;
import dev.supportbot.bot.outbound.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link IssueTracker} on GitLab's issues API: {@code POST /api/v4/projects/{project}/issues}, confidential. */
final class GitlabIssueTracker implements IssueTracker {
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI issues;
    private final String token;
    private final String project;
    private final List<String> labels;
    private final EscalationTemplate template;
    private final RateLimitRetry retry;

    GitlabIssueTracker(String url, String token, String project, List<String> labels, EscalationTemplate template,
            Sleeper sleeper) {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        // A project path (group/project) is one URL-encoded path segment in GitLab's API.
        this.issues = URI.create(base + "/api/v4/projects/" + URLEncoder.encode(project, StandardCharsets.UTF_8) + "/issues");
        this.token = token;
        this.project = project;
        this.labels = List.copyOf(labels);
        this.template = template;
        this.retry = RateLimitRetry.standard(sleeper);
    }

    @Override
    public TrackerIssue escalateOwnershipChange(OwnershipEscalation escalation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", template.title(escalation));
        body.put("description", template.description(escalation));
        body.put("labels", String.join(",", labels));
        body.put("confidential", true);
        String what = "open an escalation issue for ticket " + escalation.ticketId() + " in " + project;
        return retry.call("Issue tracker: " + what, () -> open(what, body));
    }

    private TrackerIssue open(String what, Map<String, Object> body) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(issues)
                    .timeout(Duration.ofSeconds(30))
                    .header("PRIVATE-TOKEN", token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an issue request", e);
        } catch (IOException e) {
            throw new OutboundException(Failure.UNAVAILABLE,
                    prefix(what) + "unreachable (" + e.getClass().getSimpleName() + ")", null, e);
        }
        int status = response.statusCode();
        if (status == 201 || status == 200) return issue(what, response.body());
        throw switch (status) {
            case 429 -> OutboundException.rateLimited(prefix(what) + "rate limited", retryAfter(response));
            case 404 -> new OutboundException(Failure.NOT_FOUND, prefix(what) + "project not found (HTTP 404)");
            case 401, 403 -> new OutboundException(Failure.REJECTED,
                    prefix(what) + "token refused (HTTP " + status + "): check BOT_TRACKER_TOKEN and its project access");
            default -> status >= 500
                    ? new OutboundException(Failure.UNAVAILABLE, prefix(what) + "GitLab failed (HTTP " + status + ")")
                    : new OutboundException(Failure.REJECTED, prefix(what) + "refused (HTTP " + status + ")");
        };
    }

    private static TrackerIssue issue(String what, String body) {
        try {
            JsonNode issue = Json.MAPPER.readTree(body);
            if (!issue.hasNonNull("iid") || !issue.hasNonNull("web_url")) throw new IOException("no iid or web_url");
            return new TrackerIssue(issue.get("iid").asLong(), issue.get("web_url").asText());
        } catch (IOException e) {
            // Not retryable: the issue may well exist, and a retry would open a second one.
            throw new OutboundException(Failure.REJECTED,
                    prefix(what) + "GitLab accepted the issue but its answer has no iid or web_url");
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Duration.ofSeconds(Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                return DEFAULT_RETRY_AFTER;
            }
        }).orElse(DEFAULT_RETRY_AFTER);
    }

    private static String prefix(String what) {
        return "Issue tracker: " + what + ": ";
    }
}
