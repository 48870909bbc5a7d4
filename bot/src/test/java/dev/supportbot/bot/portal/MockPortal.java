package dev.supportbot.bot.portal;

import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import dev.supportbot.bot.outbound.RetryPolicy;
import dev.supportbot.bot.outbound.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mockserver.configuration.ConfigurationProperties;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/** MockServer standing in for the real portal at {@code /api/v1}, and clients pointed at it that never really wait. */
final class MockPortal implements AutoCloseable {
    static final String TOKEN = "portal-test-token-7f3a";
    static final String API = "/api/v1";

    static {
        ConfigurationProperties.logLevel("WARN");
    }

    final ClientAndServer server = ClientAndServer.startClientAndServer();
    final RecordingSleeper sleeper = new RecordingSleeper();

    String baseUrl() {
        return "http://127.0.0.1:" + server.getPort() + API;
    }

    /** Token set, 3 attempts, short waits (recorded, not slept), 2 s timeout, no cache. */
    HttpPortalClient.Builder client() {
        return HttpPortalClient.builder(this::baseUrl)
                .token(TOKEN)
                .timeout(Duration.ofSeconds(2))
                .retry(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10)))
                .sleeper(sleeper)
                .cacheTtl(Duration.ZERO);
    }

    void reset() {
        server.reset();
        sleeper.waits.clear();
    }

    /** Answers {@code method path} with {@code status} and a JSON body, every time. */
    void answer(String method, String path, int status, String json) {
        server.when(request().withMethod(method).withPath(API + path)).respond(json(status, json));
    }

    /** Answers the next request to {@code method path} only: later ones fall through to later expectations. */
    void answerOnce(String method, String path, HttpResponse response) {
        server.when(request().withMethod(method).withPath(API + path), Times.once()).respond(response);
    }

    static HttpResponse json(int status, String json) {
        HttpResponse response = response().withStatusCode(status);
        return json.isEmpty() ? response : response.withHeader("Content-Type", "application/json").withBody(json);
    }

    static HttpResponse problem(int status, String detail) {
        return response().withStatusCode(status).withHeader("Content-Type", "application/problem+json")
                .withBody(PortalFixtures.problem(status, "Error", detail));
    }

    List<HttpRequest> requests() {
        return List.of(server.retrieveRecordedRequests(request()));
    }

    HttpRequest onlyRequest() {
        List<HttpRequest> all = requests();
        if (all.size() != 1) throw new AssertionError("expected one request, got " + all.size());
        return all.get(0);
    }

    @Override
    public void close() {
        server.stop();
    }

    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }

        List<Duration> waits() {
            return new ArrayList<>(waits);
        }
    }
}
