package dev.supportbot.bot.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;
import static org.mockserver.model.JsonBody.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.config.ConfigLoader;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.outbound.OutboundException.Failure;
import dev.supportbot.bot.testing.FakeGitlab;
import dev.supportbot.bot.testing.FakeTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.MatchType;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpRequest;
import org.mockserver.verify.VerificationTimes;

/** Escalations to GitLab against MockServer standing in for the GitLab issues API. */
class GitlabIssueTrackerTest {
    static final String TOKEN = "glpat-test-token";
    static final String CODE = "aB3dE5fG7hJ9kL1mN2pQ4rS6";
    static final String ISSUES = "/api/v4/projects/1234/issues";
    static final String KEY = "effect:31:4:2";
    static final String CREATED = "{\"id\": 99001, \"iid\": 7, \"web_url\": \"https://gitlab.example/legal/-/issues/7\"}";

    static ClientAndServer gitlab;
    FakeTime time;

    @BeforeAll
    static void startGitlab() {
        gitlab = ClientAndServer.startClientAndServer();
    }

    @AfterAll
    static void stopGitlab() {
        gitlab.stop();
    }

    @BeforeEach
    void reset() {
        gitlab.reset();
        noIssuesYet(ISSUES);
        time = new FakeTime();
    }

    static void noIssuesYet(String path) {
        gitlab.when(request().withMethod("GET").withPath(path))
                .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json").withBody("[]"));
    }

    IssueTracker tracker(String project) {
        return new GitlabIssueTracker("http://127.0.0.1:" + gitlab.getPort(), TOKEN, project,
                List.of("Subscription-Ownership-Change-Escalation", "supportbot"), EscalationTemplate.standard(), time);
    }

    static OwnershipEscalation escalation(String proofSummary) {
        return new OwnershipEscalation(42, "https://acme.zendesk.com/agent/tickets/42", "A-S00012345", "Ada Lovelace",
                "ada@customer.example", "Make ada@customer.example the subscription's Sold To contact.", proofSummary,
                "Sam Agent");
    }

    void answer(String path, int status, String body) {
        gitlab.when(request().withMethod("POST").withPath(path)).respond(response().withStatusCode(status).withBody(body));
    }

    JsonNode onlyIssueSent() throws Exception {
        HttpRequest[] sent = gitlab.retrieveRecordedRequests(request().withMethod("POST").withPath(ISSUES));
        assertThat(sent).hasSize(1);
        return Json.MAPPER.readTree(sent[0].getBodyAsString());
    }

    @Test
    void opens_a_confidential_labelled_issue_from_the_template_and_returns_its_number_and_address() throws Exception {
        answer(ISSUES, 201, CREATED);

        TrackerIssue issue = tracker("1234").escalateOwnershipChange(escalation("An invoice from 2019: older than 12 months."), KEY);

        assertThat(issue).isEqualTo(new TrackerIssue(7, "https://gitlab.example/legal/-/issues/7"));
        gitlab.verify(request().withMethod("POST").withPath(ISSUES).withHeader("PRIVATE-TOKEN", TOKEN).withBody(json("""
                {"title": "Subscription ownership change escalation: A-S00012345 (Zendesk #42)",
                 "labels": "Subscription-Ownership-Change-Escalation,supportbot",
                 "confidential": true}""", MatchType.ONLY_MATCHING_FIELDS)), VerificationTimes.once());
        String description = onlyIssueSent().get("description").asText();
        assertThat(description).contains(
                "| Zendesk ticket | [#42](https://acme.zendesk.com/agent/tickets/42) |",
                "| Subscription | A-S00012345 |",
                "| Requester | Ada Lovelace (ada@customer.example) |",
                "| Escalated by | Sam Agent |",
                "Make ada@customer.example the subscription's Sold To contact.",
                "An invoice from 2019: older than 12 months.")
                .doesNotContain("{{");
    }

    @Test
    void a_project_path_is_sent_as_one_encoded_path_segment() {
        noIssuesYet("/api/v4/projects/legal-and-compliance%2Fescalations/issues");
        answer("/api/v4/projects/legal-and-compliance%2Fescalations/issues", 201, CREATED);

        tracker("legal-and-compliance/escalations").escalateOwnershipChange(escalation(null), KEY);

        HttpRequest[] sent = gitlab.retrieveRecordedRequests(request().withMethod("POST"));
        assertThat(sent).extracting(r -> r.getPath().getValue())
                .containsExactly("/api/v4/projects/legal-and-compliance%2Fescalations/issues");
    }

    @Test
    void secrets_never_reach_the_issue() throws Exception {
        answer(ISSUES, 201, CREATED);

        tracker("1234").escalateOwnershipChange(new OwnershipEscalation(42, "https://acme.zendesk.com/agent/tickets/42",
                "A-S00012345 " + CODE, null, null, null, "They sent an activation code email: " + CODE, null), KEY);

        JsonNode sent = onlyIssueSent();
        assertThat(sent.toString()).doesNotContain(CODE);
        assertThat(sent.get("description").asText()).contains("They sent an activation code email: [REDACTED activation code]");
        assertThat(sent.get("title").asText()).contains("[REDACTED activation code]");
    }

    @Test
    void a_rate_limited_request_waits_as_gitlab_asks_then_succeeds() {
        gitlab.when(request().withPath(ISSUES), Times.once())
                .respond(response().withStatusCode(429).withHeader("Retry-After", "4"));
        answer(ISSUES, 201, CREATED);

        assertThat(tracker("1234").escalateOwnershipChange(escalation(null), KEY).iid()).isEqualTo(7);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(4));
    }

    void answerEveryCall(String path, int status, String body) {
        gitlab.when(request().withPath(path)).respond(response().withStatusCode(status).withBody(body));
    }

    @Test
    void failures_are_typed() {
        IssueTracker tracker = tracker("1234");
        gitlab.reset();
        answerEveryCall(ISSUES, 401, "{\"message\": \"401 Unauthorized\"}");
        assertThatThrownBy(() -> tracker.escalateOwnershipChange(escalation(null), KEY)).isInstanceOfSatisfying(
                OutboundException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.REJECTED);
                    assertThat(e.getMessage()).contains("BOT_TRACKER_TOKEN").doesNotContain(TOKEN);
                });

        gitlab.reset();
        answerEveryCall(ISSUES, 404, "{\"message\": \"404 Project Not Found\"}");
        assertThatThrownBy(() -> tracker.escalateOwnershipChange(escalation(null), KEY)).isInstanceOfSatisfying(
                OutboundException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_FOUND));

        gitlab.reset();
        answerEveryCall(ISSUES, 502, "");
        assertThatThrownBy(() -> tracker.escalateOwnershipChange(escalation(null), KEY)).isInstanceOfSatisfying(
                OutboundException.class, e -> assertThat(e.failure()).isEqualTo(Failure.UNAVAILABLE));
    }

    @Test
    void a_lost_answer_then_a_retry_finds_the_issue_by_its_marker_instead_of_opening_a_second() {
        try (FakeGitlab fake = new FakeGitlab("1234")) {
            IssueTracker tracker = new GitlabIssueTracker(fake.url(), TOKEN, "1234",
                    List.of("Subscription-Ownership-Change-Escalation", "supportbot"), EscalationTemplate.standard(), time);
            fake.loseCreateAnswers(1);

            assertThatThrownBy(() -> tracker.escalateOwnershipChange(escalation(null), KEY)).isInstanceOfSatisfying(
                    OutboundException.class, e -> assertThat(e.retryable()).isTrue());
            TrackerIssue retried = tracker.escalateOwnershipChange(escalation(null), KEY);

            assertThat(fake.lostAnswers()).isEqualTo(1);
            assertThat(fake.issues()).singleElement().satisfies(issue -> {
                assertThat(issue.iid()).isEqualTo(retried.iid());
                assertThat(issue.confidential()).isTrue();
                assertThat(issue.description()).endsWith("<!-- supportbot escalation effect:31:4:2 -->\n");
            });
            assertThat(fake.recorded()).filteredOn(r -> r.getMethod().getValue().equals("GET")).allSatisfy(r -> {
                assertThat(r.getFirstQueryStringParameter("labels")).isEqualTo("Subscription-Ownership-Change-Escalation,supportbot");
                assertThat(r.getFirstQueryStringParameter("order_by")).isEqualTo("created_at");
                assertThat(r.getFirstHeader("PRIVATE-TOKEN")).isEqualTo(TOKEN);
            });

            // Another escalation (another key) is another issue.
            tracker.escalateOwnershipChange(escalation(null), "effect:31:9:0");
            assertThat(fake.issues()).hasSize(2);
        }
    }

    @Test
    void an_answer_without_iid_or_not_json_is_a_bad_response_and_may_be_retried() {
        IssueTracker tracker = tracker("1234");
        answer(ISSUES, 201, "{\"id\": 99001}");
        assertThatThrownBy(() -> tracker.escalateOwnershipChange(escalation(null), KEY)).isInstanceOfSatisfying(
                OutboundException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.BAD_RESPONSE);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).isEqualTo(
                            "Issue tracker: open an escalation issue for ticket 42 in 1234: bad response (no iid or web_url)");
                });

        gitlab.reset();
        gitlab.when(request().withMethod("GET").withPath(ISSUES)).respond(response().withStatusCode(200)
                .withBody("<html>Sign in " + CODE + "</html>"));
        assertThatThrownBy(() -> tracker.escalateOwnershipChange(escalation(null), KEY)).isInstanceOfSatisfying(
                OutboundException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.BAD_RESPONSE);
                    assertThat(e.getMessage()).endsWith(": bad response (not JSON)").doesNotContain(CODE);
                });
    }

    @Test
    void no_answer_at_all_is_unreachable() {
        IssueTracker tracker = new GitlabIssueTracker("http://127.0.0.1:1", TOKEN, "1234", List.of("x"),
                EscalationTemplate.standard(), time);
        assertThatThrownBy(() -> tracker.escalateOwnershipChange(escalation(null), KEY)).isInstanceOfSatisfying(
                OutboundException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.UNAVAILABLE);
                    assertThat(e.getMessage()).isEqualTo(
                            "Issue tracker: open an escalation issue for ticket 42 in 1234: unreachable (ConnectException)");
                });
    }

    @Test
    void without_url_token_or_project_it_fails_naming_the_missing_settings() {
        IssueTracker tracker = IssueTracker.fromConfig(new ConfigLoader(
                Map.of("BOT_TRACKER_URL", "https://gitlab.example")::get).resolve(Map.of()), time);

        assertThatThrownBy(() -> tracker.escalateOwnershipChange(escalation(null), KEY)).isInstanceOfSatisfying(
                OutboundException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.NOT_CONFIGURED);
                    assertThat(e.getMessage()).isEqualTo(
                            "the issue tracker is not configured: set BOT_TRACKER_TOKEN, BOT_TRACKER_PROJECT");
                });
    }
}
