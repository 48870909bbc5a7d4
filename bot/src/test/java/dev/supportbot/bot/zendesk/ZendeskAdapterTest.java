package dev.supportbot.bot.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import dev.supportbot.bot.testing.VendorContracts;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;
import static org.mockserver.model.JsonBody.json;

import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.outbound.OutboundException.Failure;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.FakeTime;
import dev.supportbot.bot.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.MatchType;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpRequest;
import org.mockserver.verify.VerificationTimes;

/** The Zendesk adapter against MockServer standing in for Zendesk: the exact requests, and the answers mapped. */
class ZendeskAdapterTest {
    static final String EMAIL = "bot@vendor.example";
    static final String TOKEN = "zd-api-token-123";
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
            (EMAIL + "/token:" + TOKEN).getBytes(StandardCharsets.UTF_8));
    static final String ACTIVATION_CODE = "aB3dE5fG7hJ9kL1mN2pQ4rS6";

    static ClientAndServer zendeskServer;
    FakeTime time;
    Database db;
    Zendesk zendesk;

    @BeforeAll
    static void startZendesk() {
        zendeskServer = ClientAndServer.startClientAndServer();
    }

    @AfterAll
    static void stopZendesk() {
        VendorContracts.assertKeptThenStop(VendorContracts.Api.ZENDESK, zendeskServer);
    }

    @BeforeEach
    void connect() {
        VendorContracts.assertKeptThenReset(VendorContracts.Api.ZENDESK, zendeskServer);
        time = new FakeTime();
        db = TestDatabases.open();
        zendesk = adapter(80);
    }

    @AfterEach
    void disconnect() {
        zendesk.close();
        db.close();
    }

    Zendesk adapter(int updatesPerMinute) {
        return new ZendeskAdapter(new ZendeskAccount("http://127.0.0.1:" + zendeskServer.getPort(), EMAIL, TOKEN),
                budget(db, updatesPerMinute, time), time, ZendeskMeter.NONE);
    }

    /** The shared budget on its own database, generous for requests, the given limit for updates. */
    static ApiBudget budget(Database db, int updatesPerMinute, FakeTime time) {
        return new ApiBudget(db, 1000, updatesPerMinute, Duration.ofMinutes(1), time, time);
    }

    static HttpRequest zendeskCall(String method, String path) {
        return request().withMethod(method).withPath(path).withHeader("Authorization", AUTH);
    }

    void answer(String method, String path, String json) {
        zendeskServer.when(request().withMethod(method).withPath(path))
                .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json").withBody(json));
    }

    void answerTicket42() {
        answer("GET", "/api/v2/tickets/42.json", """
                {"ticket": {"id": 42, "subject": "Change of subscription owner", "description": "Please move A-S00012345",
                  "requester_id": 7, "status": "open", "tags": ["supportbot_start_ownership_verification", "l_and_r"]},
                 "users": [{"id": 7, "name": "Ada Lovelace", "email": "ada@customer.example"}]}""");
    }

    @Test
    void reads_a_ticket_with_its_requester_sideloaded_in_one_request() {
        answerTicket42();

        ZendeskTicket ticket = zendesk.ticket(42);

        assertThat(ticket).isEqualTo(new ZendeskTicket(42, "Change of subscription owner", "Please move A-S00012345",
                new ZendeskUser(7, "Ada Lovelace", "ada@customer.example"),
                List.of("supportbot_start_ownership_verification", "l_and_r"), TicketStatus.OPEN));
        zendeskServer.verify(zendeskCall("GET", "/api/v2/tickets/42.json").withQueryStringParameter("include", "users"),
                VerificationTimes.once());
        assertThat(zendeskServer.retrieveRecordedRequests(request())).hasSize(1);
    }

    @Test
    void a_missing_ticket_is_not_found() {
        zendeskServer.when(request().withPath("/api/v2/tickets/404.json"))
                .respond(response().withStatusCode(404).withBody("{\"error\":\"RecordNotFound\"}"));

        assertThatThrownBy(() -> zendesk.ticket(404)).isInstanceOfSatisfying(OutboundException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.NOT_FOUND);
            assertThat(e.getMessage()).isEqualTo("Zendesk: get ticket 404: not found (HTTP 404)");
        });
    }

    static String comment(long id, long author, boolean isPublic, String body) {
        return "{\"id\": %d, \"author_id\": %d, \"public\": %s, \"body\": \"%s\", \"created_at\": \"2026-11-20T09:00:00Z\"}"
                .formatted(id, author, isPublic, body);
    }

    @Test
    void lists_the_comments_newer_than_the_last_one_seen_newest_page_first_with_their_authors_in_one_request() {
        zendeskServer.when(request().withMethod("GET").withPath("/api/v2/tickets/42/comments.json")
                        .withQueryStringParameter("sort", "-created_at").withQueryStringParameter("include", "users"))
                .respond(response().withStatusCode(200).withBody("""
                        {"comments": [
                          {"id": 102, "author_id": 7, "public": true, "body": "Here is our invoice",
                           "attachments": [{"id": 5, "file_name": "invoice.pdf", "content_type": "application/pdf"}],
                           "created_at": "2026-11-21T08:30:00Z"},
                          {"id": 101, "author_id": 9, "public": false, "body": "internal: checking",
                           "created_at": "2026-11-20T10:00:00Z"},
                          {"id": 100, "author_id": 7, "public": true, "body": "Please move A-S00012345",
                           "created_at": "2026-11-20T09:00:00Z"}],
                         "users": [{"id": 7, "name": "Ada Lovelace", "email": "ada@customer.example"},
                                   {"id": 9, "name": "Sam Agent", "email": "sam@vendor.example"}],
                         "meta": {"has_more": true, "after_cursor": "c1"}}"""));

        List<ZendeskComment> comments = zendesk.commentsAfter(42, 7L, 100);

        assertThat(comments).containsExactly(
                new ZendeskComment(101, new ZendeskUser(9, "Sam Agent", "sam@vendor.example"), false, false,
                        "internal: checking", List.of(), Instant.parse("2026-11-20T10:00:00Z")),
                new ZendeskComment(102, new ZendeskUser(7, "Ada Lovelace", "ada@customer.example"), true, true,
                        "Here is our invoice", List.of(new ZendeskAttachment("invoice.pdf", "application/pdf")),
                        Instant.parse("2026-11-21T08:30:00Z")));
        // The page reached a comment already seen: the next page is not read, though there is one.
        assertThat(zendeskServer.retrieveRecordedRequests(request())).hasSize(1);
    }

    @Test
    void follows_the_cursor_while_every_comment_of_a_page_is_new() {
        zendeskServer.when(request().withMethod("GET").withPath("/api/v2/tickets/42/comments.json")
                        .withQueryStringParameter("page[after]", "c1"))
                .respond(response().withStatusCode(200).withBody("""
                        {"comments": [%s, %s], "meta": {"has_more": true, "after_cursor": "c2"}}"""
                        .formatted(comment(101, 7, true, "second"), comment(100, 7, true, "first"))));
        zendeskServer.when(request().withMethod("GET").withPath("/api/v2/tickets/42/comments.json"))
                .respond(response().withStatusCode(200).withBody("""
                        {"comments": [%s, %s], "meta": {"has_more": true, "after_cursor": "c1"}}"""
                        .formatted(comment(103, 7, true, "fourth"), comment(102, 9, true, "third"))));

        assertThat(zendesk.commentsAfter(42, 7L, 100)).extracting(ZendeskComment::id).containsExactly(101L, 102L, 103L);
        assertThat(zendeskServer.retrieveRecordedRequests(request())).hasSize(2);
    }

    @Test
    void nothing_newer_than_the_last_comment_is_one_request_and_nothing() {
        answer("GET", "/api/v2/tickets/42/comments.json", """
                {"comments": [{"id": 100, "author_id": 7, "public": true, "body": "hi"}], "meta": {"has_more": false}}""");

        assertThat(zendesk.commentsAfter(42, 7L, 100)).isEmpty();
        assertThat(zendeskServer.retrieveRecordedRequests(request())).hasSize(1);
    }

    @Test
    void a_comment_tags_and_status_go_out_as_one_ticket_update() {
        answer("PUT", "/api/v2/tickets/42.json", "{\"ticket\": {\"id\": 42}}");

        zendesk.update(42, TicketUpdate.publicComment("Thanks, all done.").adding(List.of("supportbot_ov_done"))
                .removing(List.of("supportbot_ov_awaiting_proof")).withStatus(TicketStatus.SOLVED));

        zendeskServer.verify(zendeskCall("PUT", "/api/v2/tickets/42.json").withBody(json("""
                {"ticket": {"comment": {"body": "Thanks, all done.", "public": true}, "additional_tags": ["supportbot_ov_done"],
                 "remove_tags": ["supportbot_ov_awaiting_proof"], "status": "solved"}}""", MatchType.STRICT)),
                VerificationTimes.once());
        assertThat(zendeskServer.retrieveRecordedRequests(request())).hasSize(1);
    }

    @Test
    void a_public_comment_is_one_ticket_update_with_the_comment_marked_public() {
        answer("PUT", "/api/v2/tickets/42.json", "{\"ticket\": {\"id\": 42}}");

        zendesk.addPublicComment(42, "Please send us one of these proofs.");

        zendeskServer.verify(zendeskCall("PUT", "/api/v2/tickets/42.json").withBody(json("""
                {"ticket": {"comment": {"body": "Please send us one of these proofs.", "public": true}}}""",
                MatchType.ONLY_MATCHING_FIELDS)), VerificationTimes.once());
    }

    @Test
    void a_private_note_arrives_private_and_with_any_secret_masked() {
        answer("PUT", "/api/v2/tickets/42.json", "{\"ticket\": {\"id\": 42}}");

        zendesk.addPrivateNote(42, "Customer pasted code " + ACTIVATION_CODE + " in comment 102.");

        zendeskServer.verify(zendeskCall("PUT", "/api/v2/tickets/42.json").withBody(json("""
                {"ticket": {"comment": {"body": "Customer pasted code [REDACTED activation code] in comment 102.",
                 "public": false}}}""", MatchType.ONLY_MATCHING_FIELDS)), VerificationTimes.once());
        assertThat(recordedBodies()).noneMatch(body -> body.contains(ACTIVATION_CODE));
    }

    @Test
    void tags_are_added_and_removed_by_ticket_updates() {
        answer("PUT", "/api/v2/tickets/42.json", "{\"ticket\": {\"id\": 42}}");

        zendesk.addTags(42, List.of("supportbot_ov_awaiting_proof"));
        zendesk.removeTags(42, List.of("supportbot_ov_awaiting_proof", "supportbot_start_ownership_verification"));

        zendeskServer.verify(zendeskCall("PUT", "/api/v2/tickets/42.json").withBody(json("""
                {"ticket": {"additional_tags": ["supportbot_ov_awaiting_proof"]}}""", MatchType.STRICT)), VerificationTimes.once());
        zendeskServer.verify(zendeskCall("PUT", "/api/v2/tickets/42.json").withBody(json("""
                {"ticket": {"remove_tags": ["supportbot_ov_awaiting_proof", "supportbot_start_ownership_verification"]}}""",
                MatchType.STRICT)), VerificationTimes.once());
    }

    @Test
    void the_status_is_set_by_a_ticket_update() {
        answer("PUT", "/api/v2/tickets/42.json", "{\"ticket\": {\"id\": 42, \"status\": \"solved\"}}");

        zendesk.setStatus(42, TicketStatus.SOLVED);

        zendeskServer.verify(zendeskCall("PUT", "/api/v2/tickets/42.json").withBody(json("""
                {"ticket": {"status": "solved"}}""", MatchType.STRICT)), VerificationTimes.once());
        assertThat(recordedBodies().get(0)).doesNotContain("comment", "requester");
    }

    void noTicketWithExternalId(String key) {
        zendeskServer.when(request().withMethod("GET").withPath("/api/v2/tickets.json").withQueryStringParameter("external_id", key))
                .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"tickets\": [], \"next_page\": null, \"count\": 0}"));
    }

    static NewTicket approvalTicket() {
        return new NewTicket("Grace Hopper", "grace@soldto.example", "Approval requested: subscription A-S00012345",
                "Do you approve? The code " + ACTIVATION_CODE + " is not needed.", List.of("supportbot_ov_approval_for_42"));
    }

    @Test
    void a_new_ticket_goes_to_the_given_requester_idempotently_and_masked_with_the_key_as_external_id() {
        noTicketWithExternalId("ov-42-approval");
        zendeskServer.when(request().withMethod("POST").withPath("/api/v2/tickets.json"))
                .respond(response().withStatusCode(201).withHeader("x-idempotency-lookup", "miss")
                        .withBody("{\"ticket\": {\"id\": 4711}}"));

        long id = zendesk.createTicket(approvalTicket(), "ov-42-approval");

        assertThat(id).isEqualTo(4711);
        zendeskServer.verify(zendeskCall("GET", "/api/v2/tickets.json").withQueryStringParameter("external_id", "ov-42-approval"),
                VerificationTimes.once());
        zendeskServer.verify(zendeskCall("POST", "/api/v2/tickets.json")
                .withHeader("Idempotency-Key", "ov-42-approval")
                .withBody(json("""
                        {"ticket": {"requester": {"name": "Grace Hopper", "email": "grace@soldto.example"},
                          "subject": "Approval requested: subscription A-S00012345",
                          "comment": {"body": "Do you approve? The code [REDACTED activation code] is not needed."},
                          "tags": ["supportbot_ov_approval_for_42"], "external_id": "ov-42-approval"}}""",
                        MatchType.ONLY_MATCHING_FIELDS)),
                VerificationTimes.once());
        assertThat(recordedBodies()).noneMatch(body -> body.contains(ACTIVATION_CODE));
    }

    @Test
    void an_answer_without_the_idempotency_lookup_header_still_gives_the_new_ticket() {
        noTicketWithExternalId("ov-42-approval");
        zendeskServer.when(request().withMethod("POST").withPath("/api/v2/tickets.json"))
                .respond(response().withStatusCode(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"ticket\": {\"id\": 4712}}"));

        assertThat(zendesk.createTicket(approvalTicket(), "ov-42-approval")).isEqualTo(4712);
    }

    @Test
    void a_ticket_an_earlier_attempt_opened_is_found_by_its_external_id_and_not_opened_again() {
        zendeskServer.when(request().withMethod("GET").withPath("/api/v2/tickets.json").withQueryStringParameter("external_id", "ov-42-approval"))
                .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json").withBody("""
                        {"tickets": [{"id": 4713, "external_id": "ov-42-approval"}, {"id": 4711, "external_id": "ov-42-approval"}],
                         "next_page": null, "count": 2}"""));

        assertThat(zendesk.createTicket(approvalTicket(), "ov-42-approval")).isEqualTo(4711);
        zendeskServer.verify(request().withMethod("POST"), VerificationTimes.never());
    }

    @Test
    void a_creation_answer_without_a_ticket_id_is_a_bad_response_not_unreachable() {
        noTicketWithExternalId("ov-42-approval");
        zendeskServer.when(request().withMethod("POST").withPath("/api/v2/tickets.json"))
                .respond(response().withStatusCode(201).withBody("{\"ticket\": {}}"));

        assertThatThrownBy(() -> zendesk.createTicket(approvalTicket(), "ov-42-approval"))
                .isInstanceOfSatisfying(OutboundException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.BAD_RESPONSE);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("Zendesk: create a ticket: bad response (no ticket id)");
                });
    }

    @Test
    void an_answer_that_is_not_json_is_a_bad_response_whose_message_quotes_none_of_it() {
        zendeskServer.when(request().withPath("/api/v2/tickets/42.json"))
                .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json")
                        .withBody("<html>Customer wrote " + ACTIVATION_CODE + "</html>"));

        assertThatThrownBy(() -> zendesk.ticket(42)).isInstanceOfSatisfying(OutboundException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.BAD_RESPONSE);
            assertThat(e.getMessage()).startsWith("Zendesk: get ticket 42: bad response (").doesNotContain(ACTIVATION_CODE, "html");
            assertThat(e.getCause()).isNull();
        });
    }

    @Test
    void a_redirect_is_a_bad_response() {
        zendeskServer.when(request().withPath("/api/v2/tickets/42.json"))
                .respond(response().withStatusCode(302).withHeader("Location", "https://elsewhere.example/"));

        assertThatThrownBy(() -> zendesk.addTags(42, List.of("x"))).isInstanceOfSatisfying(OutboundException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.BAD_RESPONSE);
            assertThat(e.getMessage()).isEqualTo("Zendesk: add tags to ticket 42: bad response (unexpected HTTP 302)");
        });
    }

    @Test
    void a_rate_limited_call_waits_as_long_as_zendesk_asks_then_succeeds() {
        zendeskServer.when(request().withPath("/api/v2/tickets/42.json"), Times.once())
                .respond(response().withStatusCode(429).withHeader("Retry-After", "7"));
        answer("PUT", "/api/v2/tickets/42.json", "{\"ticket\": {\"id\": 42}}");

        zendesk.addTags(42, List.of("x"));

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
        zendeskServer.verify(request().withPath("/api/v2/tickets/42.json"), VerificationTimes.exactly(2));
    }

    @Test
    void a_call_still_rate_limited_after_three_attempts_fails_with_the_wait_zendesk_asked_for() {
        zendeskServer.when(request().withPath("/api/v2/tickets/42.json"))
                .respond(response().withStatusCode(429).withHeader("Retry-After", "5"));

        assertThatThrownBy(() -> zendesk.ticket(42)).isInstanceOfSatisfying(OutboundException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.RATE_LIMITED);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
        });
        zendeskServer.verify(request().withPath("/api/v2/tickets/42.json"), VerificationTimes.exactly(3));
    }

    @Test
    void ticket_writes_are_spread_over_the_minute_under_the_update_limit_but_reads_do_not_wait_for_them() {
        zendesk.close();
        zendesk = adapter(10);
        answerTicket42();
        answer("PUT", "/api/v2/tickets/42.json", "{\"ticket\": {\"id\": 42}}");

        List<Instant> sent = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            zendesk.addTags(42, List.of("x" + i));
            sent.add(time.instant());
        }
        int sleptForWrites = time.sleeps().size();
        zendesk.ticket(42);

        assertThat(time.sleeps()).hasSize(sleptForWrites);
        // A tenth of the limit in a tenth of the minute: one write every 6 s, and never 11 in a minute (and its margin).
        for (int i = 1; i < sent.size(); i++) {
            assertThat(Duration.between(sent.get(i - 1), sent.get(i))).isGreaterThanOrEqualTo(Duration.ofSeconds(6));
        }
        assertThat(Duration.between(sent.get(0), sent.get(10))).isGreaterThan(Duration.ofSeconds(61));
    }

    @Test
    void a_low_remaining_budget_reported_by_zendesk_pauses_the_next_request_until_the_reset() {
        zendeskServer.when(request().withPath("/api/v2/tickets/42.json"), Times.once())
                .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json")
                        .withHeader("ratelimit-remaining", "3").withHeader("ratelimit-reset", "12")
                        .withBody("{\"ticket\": {\"id\": 42, \"requester_id\": 7, \"status\": \"open\"}}"));
        answerTicket42();

        zendesk.ticket(42);
        assertThat(time.sleeps()).isEmpty();
        zendesk.ticket(42);

        assertThat(time.sleeps()).singleElement().satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(12), Duration.ofMillis(12_001)));
    }

    @Test
    void failures_are_typed_and_their_messages_carry_no_text_of_the_request() {
        zendeskServer.when(request().withPath("/api/v2/tickets/500.json"))
                .respond(response().withStatusCode(503));
        zendeskServer.when(request().withPath("/api/v2/tickets/401.json"))
                .respond(response().withStatusCode(401).withBody("{\"error\":\"Couldn't authenticate you\"}"));
        zendeskServer.when(request().withPath("/api/v2/tickets/422.json"))
                .respond(response().withStatusCode(422).withBody("{\"details\":{\"body\":\"Secret note text\"}}"));

        assertThatThrownBy(() -> zendesk.ticket(500)).isInstanceOfSatisfying(OutboundException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.UNAVAILABLE));
        assertThatThrownBy(() -> zendesk.ticket(401)).isInstanceOfSatisfying(OutboundException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.REJECTED);
            assertThat(e.getMessage()).contains("BOT_ZENDESK_TOKEN");
        });
        assertThatThrownBy(() -> zendesk.addPrivateNote(422, "Secret note text"))
                .isInstanceOfSatisfying(OutboundException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.REJECTED);
                    assertThat(e.getMessage()).isEqualTo("Zendesk: add a private note to ticket 422: refused (HTTP 422)");
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void an_unreachable_zendesk_is_unavailable() {
        Zendesk nowhere = new ZendeskAdapter(new ZendeskAccount("http://127.0.0.1:1", EMAIL, TOKEN), budget(db, 80, time), time, ZendeskMeter.NONE);
        try {
            assertThatThrownBy(() -> nowhere.ticket(42)).isInstanceOfSatisfying(OutboundException.class, e -> {
                assertThat(e.failure()).isEqualTo(Failure.UNAVAILABLE);
                assertThat(e.getMessage()).startsWith("Zendesk: get ticket 42: unreachable");
            });
        } finally {
            nowhere.close();
        }
    }

    List<String> recordedBodies() {
        return java.util.Arrays.stream(zendeskServer.retrieveRecordedRequests(request()))
                .map(HttpRequest::getBodyAsString).filter(b -> b != null).toList();
    }
}
