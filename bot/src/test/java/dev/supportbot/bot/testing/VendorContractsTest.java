package dev.supportbot.bot.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.bot.testing.VendorContracts.Api;
import dev.supportbot.bot.testing.VendorContracts.Violation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract checker itself: what each description refuses is refused, what the adapters send is taken, and the
 * fakes fail the test that sent a request Zendesk would refuse.
 */
class VendorContractsTest {
    private static final Map<String, List<String>> ZENDESK = Map.of("Authorization", List.of("Basic Ym90QHZlbmRvci5leGFtcGxl"),
            "Content-Type", List.of("application/json"));
    private static final Map<String, List<String>> SLACK_FORM = Map.of("Authorization", List.of("Bearer xoxb-test"),
            "Content-Type", List.of("application/x-www-form-urlencoded"));

    private static Optional<Violation> zendesk(String method, String path, String query, String body) {
        return VendorContracts.request(Api.ZENDESK, method, path, VendorContracts.query(query), ZENDESK, body);
    }

    private static Optional<Violation> slack(String method, String form) {
        return VendorContracts.request(Api.SLACK, "POST", "/api/" + method, Map.of(), SLACK_FORM, form);
    }

    private static String problems(Optional<Violation> violation) {
        return violation.map(v -> String.join("; ", v.problems())).orElse("");
    }

    @Test
    void the_zendesk_calls_the_adapter_makes_are_taken_with_and_without_the_json_suffix() {
        assertThat(zendesk("GET", "/api/v2/tickets/42.json", "include=users", null)).isEmpty();
        assertThat(zendesk("GET", "/api/v2/tickets/42", "include=users", null)).isEmpty();
        assertThat(zendesk("GET", "/api/v2/tickets/42/comments.json", "sort=-created_at&include=users&page%5Bsize%5D=100", null)).isEmpty();
        assertThat(zendesk("PUT", "/api/v2/tickets/42.json", "",
                "{\"ticket\":{\"comment\":{\"body\":\"Thanks\",\"public\":false},\"additional_tags\":[\"a\"],\"remove_tags\":[\"b\"],\"status\":\"pending\"}}"))
                .isEmpty();
        assertThat(zendesk("PUT", "/api/v2/comment_redactions/7", "", "{\"ticket_id\":42,\"html_body\":\"<p><redact>x</redact></p>\"}")).isEmpty();
    }

    @Test
    void a_zendesk_call_the_description_refuses_is_a_violation() {
        assertThat(problems(zendesk("GET", "/api/v2/ticket/42.json", "", null))).contains("validation.request.path.missing");
        assertThat(problems(zendesk("PUT", "/api/v2/tickets/42.json", "", "{\"ticket\":{\"status\":\"gone\"}}")))
                .contains("validation.request.body.schema.enum").contains("gone");
        assertThat(problems(zendesk("PUT", "/api/v2/tickets/42.json", "", "{\"ticket\":{\"comment\":{\"public\":\"no\"}}}")))
                .contains("public");
        assertThat(problems(zendesk("DELETE", "/api/v2/comment_redactions/7", "", null))).contains("validation.request.operation.notAllowed");
    }

    @Test
    void webhook_requests_are_held_to_what_zendesks_webhooks_reference_marks_mandatory() {
        String complete = "{\"webhook\":{\"name\":\"supportbot\",\"endpoint\":\"https://bot.example/webhooks/zendesk\",\"http_method\":\"POST\","
                + "\"request_format\":\"json\",\"status\":\"active\",\"subscriptions\":[\"conditional_ticket_events\"]}}";
        assertThat(zendesk("POST", "/api/v2/webhooks", "", complete)).isEmpty();
        assertThat(zendesk("PUT", "/api/v2/webhooks/01WH1", "", complete)).isEmpty();
        assertThat(zendesk("GET", "/api/v2/webhooks/01WH1/signing_secret", "", null)).isEmpty();
        assertThat(problems(zendesk("POST", "/api/v2/webhooks", "", "{\"webhook\":{\"name\":\"supportbot\",\"endpoint\":\"https://bot.example\"}}")))
                .contains("missing required properties").contains("subscriptions");
        assertThat(problems(zendesk("POST", "/api/v2/webhooks", "", complete.replace("\"POST\"", "\"post\"")))).contains("http_method");
    }

    @Test
    void slack_calls_are_checked_as_the_method_the_description_names_with_the_token_where_it_wants_it() {
        assertThat(slack("chat.postMessage", "channel=C1&text=hello&mrkdwn=1&unfurl_links=0")).isEmpty();
        assertThat(slack("users.lookupByEmail", "email=sam%40acme.example")).isEmpty();
        assertThat(problems(slack("chat.postMessage", "text=hello"))).contains("channel");
        assertThat(problems(slack("users.lookupByEmail", "mail=sam%40acme.example"))).contains("'email' is required");
        assertThat(problems(slack("chat.postMessage", "channel=C1&text=hello&mrkdwn=perhaps"))).contains("mrkdwn");
        assertThat(problems(slack("chats.postMessage", "channel=C1&text=hello"))).contains("validation.request.path.missing");
        assertThat(problems(VendorContracts.request(Api.SLACK, "POST", "/api/chat.postMessage", Map.of(),
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded")), "channel=C1&text=hello"))).contains("token");
    }

    @Test
    void an_answer_is_checked_against_the_operations_response_schema() {
        assertThat(VendorContracts.exchange(Api.ZENDESK, "GET", "/api/v2/tickets/42.json", Map.of(), ZENDESK, null, 200,
                "application/json", "{\"ticket\":{\"id\":42,\"status\":\"open\",\"tags\":[\"vip\"]}}")).isEmpty();
        assertThat(problems(VendorContracts.exchange(Api.ZENDESK, "GET", "/api/v2/tickets/42.json", Map.of(), ZENDESK, null, 200,
                "application/json", "{\"ticket\":{\"id\":\"42\"}}"))).contains("validation.response.body.schema.type");
        assertThat(problems(VendorContracts.exchange(Api.SLACK, "POST", "/api/chat.postMessage", Map.of(), SLACK_FORM,
                "channel=C1&text=hi", 200, "application/json", "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1.2\"}")))
                .contains("message");
        // Slack's errors come with HTTP 200 and ok: false, the description's default answer.
        assertThat(VendorContracts.exchange(Api.SLACK, "POST", "/api/chat.postMessage", Map.of(), SLACK_FORM,
                "channel=C1&text=hi", 200, "application/json", "{\"ok\":false,\"error\":\"channel_not_found\"}")).isEmpty();
    }

    @Test
    void the_fake_zendesk_fails_the_test_that_sent_a_request_zendesk_would_refuse() throws Exception {
        FakeZendesk zendesk = new FakeZendesk();
        zendesk.ticket(42, "Question", "When does it renew?", zendesk.user("Ada Lovelace", "ada@customer.example"));
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(zendesk.url() + "/api/v2/tickets/42.json"))
                .header("Authorization", "Basic Ym90QHZlbmRvci5leGFtcGxl").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"ticket\":{\"status\":\"gone\"}}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThatThrownBy(zendesk::close).isInstanceOf(AssertionError.class)
                .hasMessageContaining("PUT /api/v2/tickets/42.json").hasMessageContaining("gone");
    }
}
