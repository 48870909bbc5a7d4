package dev.supportbot.bot.portal;

import static dev.supportbot.bot.portal.MockPortal.API;
import static dev.supportbot.bot.portal.MockPortal.json;
import static dev.supportbot.bot.portal.MockPortal.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import dev.supportbot.bot.outbound.RetryPolicy;
import dev.supportbot.bot.portal.PortalCalls.Call;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockserver.model.HttpRequest;

/** How the client fails and recovers: typed errors, retries on 429 and 5xx, timeouts, malformed answers. */
class PortalClientErrorsTest {
    private static MockPortal portal;
    private PortalClient client;

    @BeforeAll
    static void startPortal() {
        portal = new MockPortal();
    }

    @AfterAll
    static void stopPortal() {
        portal.close();
    }

    @BeforeEach
    void reset() {
        portal.reset();
        client = portal.client().build();
    }

    static List<Call> calls() {
        return PortalCalls.all();
    }

    static Stream<Arguments> callsAndErrors() {
        return PortalCalls.all().stream().flatMap(call -> Stream.of(
                Arguments.of(call, 404, PortalException.NotFound.class),
                Arguments.of(call, 409, PortalException.Conflict.class),
                Arguments.of(call, 422, PortalException.Rejected.class)));
    }

    @ParameterizedTest(name = "{0} answered {1}")
    @MethodSource("callsAndErrors")
    void an_error_answer_becomes_its_typed_exception_with_the_servers_detail_and_is_not_repeated(
            Call call, int status, Class<? extends PortalException> type) {
        portal.server.when(request().withMethod(call.method()).withPath(API + call.path()))
                .respond(problem(status, "the portal's reason for " + call.name()));

        assertThatThrownBy(() -> call.invoke().accept(client))
                .isInstanceOf(type)
                .hasMessageContaining("the portal's reason for " + call.name())
                .satisfies(e -> assertThat(((PortalException) e).status()).isEqualTo(status));
        assertThat(portal.requests()).hasSize(1);
        assertThat(portal.sleeper.waits()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void a_503_is_repeated_identically_after_a_backoff_and_the_second_answer_counts(Call call) {
        portal.answerOnce(call.method(), call.path(), problem(503, "maintenance"));
        portal.answerOnce(call.method(), call.path(), json(call.status(), call.answer()));

        call.invoke().accept(client);

        List<HttpRequest> sent = portal.requests();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).getFirstHeader("Idempotency-Key")).isEqualTo(sent.get(0).getFirstHeader("Idempotency-Key"));
        assertThat(sent.get(1).getBodyAsString()).isEqualTo(sent.get(0).getBodyAsString());
        assertThat(portal.sleeper.waits()).singleElement()
                .satisfies(wait -> assertThat(wait).isBetween(Duration.ofMillis(50), Duration.ofMillis(100)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void a_429_waits_exactly_the_retry_after_then_succeeds(Call call) {
        portal.answerOnce(call.method(), call.path(), problem(429, "slow down").withHeader("Retry-After", "2"));
        portal.answerOnce(call.method(), call.path(), json(call.status(), call.answer()));

        call.invoke().accept(client);

        assertThat(portal.requests()).hasSize(2);
        assertThat(portal.sleeper.waits()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void a_retry_after_date_is_waited_out_until_that_time() {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(3).atZone(ZoneOffset.UTC));
        portal.answerOnce("GET", "/customers/1101", problem(429, "slow down").withHeader("Retry-After", inThreeSeconds));
        portal.answerOnce("GET", "/customers/1101", json(200, PortalFixtures.CUSTOMER));

        portal.client().clock(Clock.fixed(now, ZoneOffset.UTC)).build().customer(1101);

        assertThat(portal.sleeper.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void a_retry_after_longer_than_the_client_waits_fails_at_once_and_says_when_to_come_back() {
        portal.server.when(request().withPath(API + "/customers/1101"))
                .respond(problem(429, "daily quota used").withHeader("Retry-After", "120"));

        assertThatThrownBy(() -> client.customer(1101))
                .isInstanceOfSatisfying(PortalException.Unavailable.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
                    assertThat(e.status()).isEqualTo(429);
                })
                .hasMessageContaining("daily quota used");
        assertThat(portal.requests()).hasSize(1);
        assertThat(portal.sleeper.waits()).isEmpty();
    }

    @Test
    void a_portal_that_stays_down_is_given_up_on_after_the_last_attempt_with_growing_waits() {
        portal.server.when(request().withPath(API + "/licenses/1101")).respond(problem(503, "maintenance until noon"));

        assertThatThrownBy(() -> client.license(1101))
                .isInstanceOfSatisfying(PortalException.Unavailable.class, e -> assertThat(e.status()).isEqualTo(503))
                .hasMessageContaining("maintenance until noon")
                .hasMessageContaining("gave up after 3 attempts");
        assertThat(portal.requests()).hasSize(3);
        List<Duration> waits = portal.sleeper.waits();
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void a_portal_that_does_not_answer_in_time_is_unavailable_without_hanging() {
        portal.server.when(request().withPath(API + "/customers/1101"))
                .respond(json(200, PortalFixtures.CUSTOMER).withDelay(TimeUnit.SECONDS, 10));
        PortalClient impatient = portal.client().timeout(Duration.ofMillis(300)).build();

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> impatient.customer(1101))
                .isInstanceOfSatisfying(PortalException.Unavailable.class, e -> assertThat(e.status()).isZero())
                .hasMessageContaining("no answer within 300 ms"));
        assertThat(portal.sleeper.waits()).hasSize(2);
    }

    @Test
    void malformed_json_fails_at_once_with_a_clear_message_that_does_not_quote_the_answer() {
        portal.answer("GET", "/customers/1101", 200, "{\"id\": 1101, \"first_name\": \"Patricia-the-unquoted");

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> client.customer(1101))
                .isInstanceOf(PortalException.BadResponse.class)
                .hasMessageContaining("GET /customers/1101")
                .hasMessageContaining("bad response (the answer is not the Customer JSON the API promises")
                .hasMessageNotContaining("Patricia"));
        assertThat(portal.requests()).hasSize(1);
    }

    @Test
    void json_of_the_wrong_shape_is_a_bad_response() {
        portal.answer("GET", "/customers/1101/history", 200, "{\"entries\": []}");
        portal.answer("GET", "/customers/1101", 200, "null");

        assertThatThrownBy(() -> client.customerHistory(1101)).isInstanceOf(PortalException.BadResponse.class)
                .hasMessageContaining("list of HistoryEntry");
        assertThatThrownBy(() -> client.customer(1101)).isInstanceOf(PortalException.BadResponse.class);
    }

    @Test
    void a_refused_token_is_not_repeated() {
        portal.server.when(request().withPath(API + "/customers/1101")).respond(problem(401, "a valid bearer token is required"));

        assertThatThrownBy(() -> client.customer(1101)).isInstanceOf(PortalException.Refused.class)
                .hasMessageContaining("a valid bearer token is required");
        assertThat(portal.requests()).hasSize(1);
    }

    @Test
    void an_undocumented_status_is_a_bad_response() {
        portal.server.when(request().withPath(API + "/customers/1101"))
                .respond(response().withStatusCode(302).withHeader("Location", "https://elsewhere.example/login"));

        assertThatThrownBy(() -> client.customer(1101)).isInstanceOf(PortalException.BadResponse.class)
                .hasMessageContaining("302");
    }

    @Test
    void an_error_without_problem_details_still_maps_by_status() {
        portal.server.when(request().withPath(API + "/invoices/INV-X")).respond(response().withStatusCode(404).withBody("<html>"));

        assertThatThrownBy(() -> client.invoice("INV-X")).isInstanceOf(PortalException.NotFound.class)
                .hasMessageContaining("GET /invoices/INV-X: 404 no detail given");
    }

    @Test
    void a_portal_that_cannot_be_reached_is_unavailable_after_the_retries() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PortalClient unreachable = HttpPortalClient.builder(() -> "http://127.0.0.1:" + closedPort + API)
                .sleeper(portal.sleeper).retry(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10),
                        Duration.ofSeconds(1))).build();

        assertThatThrownBy(() -> unreachable.customer(1101))
                .isInstanceOfSatisfying(PortalException.Unavailable.class, e -> assertThat(e.status()).isZero())
                .hasMessageContaining("unreachable (ConnectException)");
        assertThat(portal.sleeper.waits()).hasSize(1);
    }
}
