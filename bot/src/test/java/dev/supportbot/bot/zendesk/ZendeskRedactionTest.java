package dev.supportbot.bot.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import dev.supportbot.bot.testing.VendorContracts;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;
import static org.mockserver.model.JsonBody.json;

import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.outbound.OutboundException.Failure;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.FakeTime;
import dev.supportbot.bot.testing.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.MatchType;
import org.mockserver.matchers.Times;
import org.mockserver.verify.VerificationTimes;

/** Redacting a comment: Zendesk's comment_redactions first, the older redact endpoint where that is missing. */
class ZendeskRedactionTest {
    static final String CODE = ZendeskAdapterTest.ACTIVATION_CODE;
    static final String OTHER_CODE = "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2";
    static final String LICENSE_LINE_1 = "eyJkYXRhIjoiUm9sbG91dEtleUFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFla";
    static final String LICENSE_LINE_2 = "YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoiLCJrZXkiOiJrIiwiaXYiOiJpIn0=";
    static final String REDACTIONS = "/api/v2/comment_redactions/102";
    static final String LEGACY = "/api/v2/tickets/42/comments/102/redact.json";

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
        zendesk = new ZendeskAdapter(new ZendeskAccount("http://127.0.0.1:" + zendeskServer.getPort(),
                ZendeskAdapterTest.EMAIL, ZendeskAdapterTest.TOKEN), ZendeskAdapterTest.budget(db, 80, time), time, ZendeskMeter.NONE);
    }

    @AfterEach
    void disconnect() {
        zendesk.close();
        db.close();
    }

    void comment102(String body, String htmlBody) throws Exception {
        String comments = Json.MAPPER.writeValueAsString(Map.of("comments", List.of(
                Map.of("id", 101, "author_id", 7, "public", true, "body", "Hello", "html_body", "<p>Hello</p>"),
                Map.of("id", 102, "author_id", 7, "public", true, "body", body, "html_body", htmlBody))));
        zendeskServer.when(request().withMethod("GET").withPath("/api/v2/tickets/42/comments.json"))
                .respond(response().withStatusCode(200).withBody(comments));
    }

    void answer(String path, int status) {
        zendeskServer.when(request().withMethod("PUT").withPath(path)).respond(response().withStatusCode(status));
    }

    @Test
    void secrets_are_wrapped_in_redact_tags_in_the_comment_html_and_sent_in_one_call() throws Exception {
        comment102("My code is " + CODE + ", or was it " + OTHER_CODE + "?",
                "<p>My code is " + CODE + ", or was it " + OTHER_CODE + "?</p>");
        answer(REDACTIONS, 200);

        Redaction redaction = zendesk.redact(42, 102, List.of(CODE, OTHER_CODE));

        assertThat(redaction).isEqualTo(new Redaction(Redaction.Via.COMMENT_REDACTIONS, 2));
        zendeskServer.verify(ZendeskAdapterTest.zendeskCall("PUT", REDACTIONS).withBody(json("""
                {"ticket_id": 42, "html_body": "<p>My code is <redact>%s</redact>, or was it <redact>%s</redact>?</p>"}"""
                .formatted(CODE, OTHER_CODE), MatchType.STRICT)), VerificationTimes.once());
        zendeskServer.verify(request().withPath(LEGACY), VerificationTimes.never());
    }

    @Test
    void a_license_key_over_several_lines_is_redacted_line_by_line_in_the_html() throws Exception {
        String license = LICENSE_LINE_1 + "\n" + LICENSE_LINE_2;
        comment102("Our license:\n" + license + "\nThanks", "<p>Our license:<br>" + LICENSE_LINE_1 + "<br>"
                + LICENSE_LINE_2 + "<br>Thanks</p>");
        answer(REDACTIONS, 200);

        zendesk.redact(42, 102, List.of(license));

        zendeskServer.verify(request().withPath(REDACTIONS).withBody(json("""
                {"ticket_id": 42, "html_body": "<p>Our license:<br><redact>%s</redact><br><redact>%s</redact><br>Thanks</p>"}"""
                .formatted(LICENSE_LINE_1, LICENSE_LINE_2), MatchType.STRICT)), VerificationTimes.once());
    }

    @Test
    void without_comment_redactions_each_secret_goes_to_the_older_endpoint() throws Exception {
        comment102("Codes: " + CODE + " " + OTHER_CODE, "<p>Codes: " + CODE + " " + OTHER_CODE + "</p>");
        answer(REDACTIONS, 404);
        answer(LEGACY, 200);

        Redaction redaction = zendesk.redact(42, 102, List.of(CODE, OTHER_CODE));

        assertThat(redaction).isEqualTo(new Redaction(Redaction.Via.LEGACY_REDACT, 2));
        zendeskServer.verify(request().withPath(REDACTIONS), VerificationTimes.once());
        zendeskServer.verify(ZendeskAdapterTest.zendeskCall("PUT", LEGACY)
                .withBody(json("{\"text\": \"" + CODE + "\"}", MatchType.STRICT)), VerificationTimes.once());
        zendeskServer.verify(ZendeskAdapterTest.zendeskCall("PUT", LEGACY)
                .withBody(json("{\"text\": \"" + OTHER_CODE + "\"}", MatchType.STRICT)), VerificationTimes.once());
    }

    @Test
    void a_forbidden_comment_redactions_endpoint_also_falls_back() throws Exception {
        comment102("Code " + CODE, "<p>Code " + CODE + "</p>");
        answer(REDACTIONS, 403);
        answer(LEGACY, 200);

        assertThat(zendesk.redact(42, 102, List.of(CODE)).via()).isEqualTo(Redaction.Via.LEGACY_REDACT);
    }

    @Test
    void a_secret_the_html_does_not_show_as_is_goes_to_the_older_endpoint() throws Exception {
        comment102("Code " + CODE, "<p>Code <a href=\"#\">" + CODE.substring(0, 10) + "</a>" + CODE.substring(10) + "</p>");
        answer(LEGACY, 200);

        assertThat(zendesk.redact(42, 102, List.of(CODE)).via()).isEqualTo(Redaction.Via.LEGACY_REDACT);
        zendeskServer.verify(request().withPath(REDACTIONS), VerificationTimes.never());
    }

    @Test
    void a_comment_already_redacted_needs_no_call() throws Exception {
        comment102("My code is ▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇", "<p>My code is ▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇</p>");

        assertThat(zendesk.redact(42, 102, List.of(CODE))).isEqualTo(Redaction.nothing());
        zendeskServer.verify(request().withMethod("PUT"), VerificationTimes.never());
    }

    @Test
    void a_missing_comment_is_not_found() throws Exception {
        comment102("Hello", "<p>Hello</p>");

        assertThatThrownBy(() -> zendesk.redact(42, 999, List.of(CODE))).isInstanceOfSatisfying(OutboundException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.NOT_FOUND));
    }

    @Test
    void a_rate_limited_redaction_waits_and_retries() throws Exception {
        comment102("Code " + CODE, "<p>Code " + CODE + "</p>");
        zendeskServer.when(request().withPath(REDACTIONS), Times.once())
                .respond(response().withStatusCode(429).withHeader("Retry-After", "3"));
        answer(REDACTIONS, 200);

        assertThat(zendesk.redact(42, 102, List.of(CODE)).via()).isEqualTo(Redaction.Via.COMMENT_REDACTIONS);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
        zendeskServer.verify(request().withPath(REDACTIONS), VerificationTimes.exactly(2));
    }

    @Test
    void a_failing_redaction_is_unavailable_and_says_which_comment() throws Exception {
        comment102("Code " + CODE, "<p>Code " + CODE + "</p>");
        answer(REDACTIONS, 502);

        assertThatThrownBy(() -> zendesk.redact(42, 102, List.of(CODE))).isInstanceOfSatisfying(OutboundException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.UNAVAILABLE);
            assertThat(e.getMessage()).isEqualTo("Zendesk: redact comment 102 of ticket 42: Zendesk failed (HTTP 502)")
                    .doesNotContain(CODE);
        });
    }
}
