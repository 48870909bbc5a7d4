package dev.supportbot.bot.tracker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.outbound.OutboundException.Failure;
import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.outbound.OutboundFailures;
import dev.supportbot.bot.outbound.Retry;
import dev.supportbot.bot.outbound.RetryAfter;
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
import java.util.Optional;

/**
 * {@link IssueTracker} on GitLab's issues API: {@code POST /api/v4/projects/{project}/issues}, confidential. Each
 * issue's description ends with a hidden marker holding the escalation's key; before opening an issue the tracker
 * lists the project's newest issues with the escalation labels and returns the one carrying the marker, if any, so a
 * retry after a lost answer finds the issue instead of opening a second. (A plain list, not GitLab's full-text
 * {@code search}, whose index need not show an issue created a moment ago.)
 */
final class GitlabIssueTracker implements IssueTracker {
    private static final String SYSTEM = "Issue tracker";
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);
    /** GitLab's largest page; far more escalations than a retry window can hold. */
    private static final int RECENT = 100;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI issues;
    private final String token;
    private final String project;
    private final List<String> labels;
    private final EscalationTemplate template;
    private final Retry retry;

    GitlabIssueTracker(String url, String token, String project, List<String> labels, EscalationTemplate template,
            Sleeper sleeper) {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        // A project path (group/project) is one URL-encoded path segment in GitLab's API.
        this.issues = URI.create(base + "/api/v4/projects/" + URLEncoder.encode(project, StandardCharsets.UTF_8) + "/issues");
        this.token = token;
        this.project = project;
        this.labels = List.copyOf(labels);
        this.template = template;
        this.retry = Retry.standard(sleeper);
    }

    @Override
    public TrackerIssue escalateOwnershipChange(OwnershipEscalation escalation, String key) {
        String marker = marker(key);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", template.title(escalation));
        body.put("description", template.description(escalation) + "\n\n" + marker + "\n");
        body.put("labels", String.join(",", labels));
        body.put("confidential", true);
        String what = "open an escalation issue for ticket " + escalation.ticketId() + " in " + project;
        return retry.call(SYSTEM + ": " + what, () -> {
            Optional<TrackerIssue> earlier = withMarker(what, marker);
            return earlier.isPresent() ? earlier.get() : open(what, body);
        });
    }

    /** An HTML comment: GitLab does not render it, and it holds nothing but our own key. */
    static String marker(String key) {
        if (key.contains("--")) throw new IllegalArgumentException("an escalation key cannot hold '--'");
        return "<!-- supportbot escalation " + key + " -->";
    }

    private Optional<TrackerIssue> withMarker(String what, String marker) throws InterruptedException {
        String query = "?order_by=created_at&sort=desc&per_page=" + RECENT
                + (labels.isEmpty() ? "" : "&labels=" + URLEncoder.encode(String.join(",", labels), StandardCharsets.UTF_8));
        JsonNode list = json(what, send(what, HttpRequest.newBuilder(URI.create(issues + query)).GET()));
        if (!list.isArray()) throw OutboundFailures.badResponse(SYSTEM, what, "the issue list is not a list");
        for (JsonNode issue : list) {
            if (issue.path("description").asText("").contains(marker)) return Optional.of(issue(what, issue));
        }
        return Optional.empty();
    }

    private TrackerIssue open(String what, Map<String, Object> body) throws InterruptedException {
        byte[] json;
        try {
            json = Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an issue request", e);
        }
        return issue(what, json(what, send(what, HttpRequest.newBuilder(issues)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)))));
    }

    /** The body of a 200 or 201; every other answer is an {@link OutboundException}. */
    private String send(String what, HttpRequest.Builder request) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(Duration.ofSeconds(30)).header("PRIVATE-TOKEN", token).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw OutboundFailures.unreachable(SYSTEM, what, e);
        }
        int status = response.statusCode();
        if (status == 201 || status == 200) return response.body();
        throw switch (status) {
            case 429 -> OutboundException.rateLimited(prefix(what) + "rate limited", retryAfter(response));
            case 404 -> new OutboundException(Failure.NOT_FOUND, prefix(what) + "project not found (HTTP 404)");
            case 401, 403 -> new OutboundException(Failure.REJECTED,
                    prefix(what) + "token refused (HTTP " + status + "): check BOT_TRACKER_TOKEN and its project access");
            default -> status >= 500
                    ? new OutboundException(Failure.UNAVAILABLE, prefix(what) + "GitLab failed (HTTP " + status + ")")
                    : status >= 400
                    ? new OutboundException(Failure.REJECTED, prefix(what) + "refused (HTTP " + status + ")")
                    : OutboundFailures.badResponse(SYSTEM, what, "unexpected HTTP " + status);
        };
    }

    private static JsonNode json(String what, String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw OutboundFailures.badResponse(SYSTEM, what, "not JSON");
        }
    }

    private static TrackerIssue issue(String what, JsonNode issue) {
        if (!issue.path("iid").canConvertToLong() || !issue.hasNonNull("web_url")) {
            // Retryable all the same: the next attempt finds the issue by its marker rather than opening another.
            throw OutboundFailures.badResponse(SYSTEM, what, "no iid or web_url");
        }
        return new TrackerIssue(issue.get("iid").asLong(), issue.get("web_url").asText());
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return RetryAfter.seconds(response.headers().firstValue("Retry-After").orElse(null), DEFAULT_RETRY_AFTER);
    }

    private static String prefix(String what) {
        return SYSTEM + ": " + what + ": ";
    }
}
