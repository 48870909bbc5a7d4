package dev.supportbot.bot.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.Header;
import org.mockserver.model.NottableString;
import org.mockserver.model.Parameter;

/**
 * The vendors' own API descriptions (test resources {@code vendor-specs/}) as a contract for every request our
 * adapters send to a stand-in and every answer the sandbox helpdesk gives: the operation must exist, its required
 * parameters be present and its JSON body validate against the schema (swagger-request-validator does the
 * checking). Where a description is wrong or older than the API, {@code vendor-specs/exceptions.yaml} says so, with
 * the reason, and nowhere else.
 *
 * <p>Three descriptions: Zendesk's Support API (OpenAPI 3), Zendesk's Webhooks API (absent from that file, so
 * transcribed from Zendesk's reference pages into {@code zendesk-webhooks-oas.yaml}, which names its sources) and
 * Slack's Web API (Swagger 2). Loading them takes seconds: each is loaded once per JVM, on first use.
 */
public final class VendorContracts {
    /** Which vendor API a request is meant for. */
    public enum Api {
        ZENDESK, SLACK
    }

    /** A request or an answer that broke the contract, with the validator's words. */
    public record Violation(Api api, String exchange, List<String> problems) {
        @Override
        public String toString() {
            return api + " " + exchange + ": " + String.join("; ", problems);
        }
    }

    private static final String WEBHOOKS = "/api/v2/webhooks";
    private static final String SLACK_API = "/api/";
    /** A status no Slack operation declares, so that its {@code default} answer applies. */
    private static final int SLACK_ERROR = 400;

    private VendorContracts() {}

    /**
     * Checks a request as it reached a stand-in. {@code path} is the vendor's path ({@code /api/v2/...} for
     * Zendesk, {@code /api/<method>} for Slack), {@code query} decoded, {@code body} as sent (null without one).
     */
    public static Optional<Violation> request(Api api, String method, String path, Map<String, List<String>> query,
                                              Map<String, List<String>> headers, String body) {
        VendorCall exchange = VendorCall.of(api, method, path, query, headers, body);
        ValidationReport report = validator(api, exchange.path()).validateRequest(exchange.request());
        return violation(api, exchange, report);
    }

    /** Checks a request and the answer a stand-in gave it: the answer against the operation's response schema. */
    public static Optional<Violation> exchange(Api api, String method, String path, Map<String, List<String>> query,
                                               Map<String, List<String>> headers, String body, int status,
                                               String contentType, String responseBody) {
        return checkExchange(api, method, path, query, headers, body, status, contentType, responseBody, true);
    }

    /** Checks only the answer a stand-in gave (to a request a test made bad on purpose, say). */
    public static Optional<Violation> answer(Api api, String method, String path, Map<String, List<String>> query,
                                             Map<String, List<String>> headers, String body, int status,
                                             String contentType, String responseBody) {
        return checkExchange(api, method, path, query, headers, body, status, contentType, responseBody, false);
    }

    private static Optional<Violation> checkExchange(Api api, String method, String path, Map<String, List<String>> query,
                                                     Map<String, List<String>> headers, String body, int status,
                                                     String contentType, String responseBody, boolean requestToo) {
        VendorCall exchange = VendorCall.of(api, method, path, query, headers, body);
        SimpleResponse.Builder response = SimpleResponse.Builder.status(slackError(api, status, responseBody) ? SLACK_ERROR : status);
        if (contentType != null) response.withContentType(contentType);
        if (responseBody != null && !responseBody.isEmpty()) response.withBody(responseBody);
        ValidationReport report = validator(api, exchange.path()).validate(exchange.request(), response.build());
        if (!requestToo) {
            report = ValidationReport.from(report.getMessages().stream().filter(m -> !m.getKey().startsWith("validation.request.")).toList());
        }
        return violation(api, exchange, report);
    }

    /**
     * Every request {@code server} recorded, checked: the far side's own way to hold our adapters to the contract
     * whatever the test asserted. A recorded request also answered by a rule of the test (a garbled or lost answer)
     * is still one our adapter sent, so all are checked.
     */
    public static List<Violation> recorded(Api api, ClientAndServer server) {
        List<Violation> violations = new ArrayList<>();
        for (org.mockserver.model.HttpRequest r : server.retrieveRecordedRequests(org.mockserver.model.HttpRequest.request())) {
            // A Slack response URL (an interaction's reply) is no Web API method, and not in the description.
            if (api == Api.SLACK && !r.getPath().getValue().startsWith(SLACK_API)) continue;
            Map<String, List<String>> query = new LinkedHashMap<>();
            for (Parameter p : r.getQueryStringParameterList()) {
                query.put(p.getName().getValue(), p.getValues().stream().map(NottableString::getValue).toList());
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (Header h : r.getHeaderList()) headers.put(h.getName().getValue(), h.getValues().stream().map(NottableString::getValue).toList());
            request(api, r.getMethod().getValue(), r.getPath().getValue(), query, headers, r.getBodyAsString()).ifPresent(violations::add);
        }
        return violations;
    }

    /** Fails with every violation among the requests {@code server} recorded. */
    public static void assertKept(Api api, ClientAndServer server) {
        assertNone(recorded(api, server));
    }

    /** Checks what {@code server} recorded, then forgets it (a test's {@code reset()}, checked). */
    public static void assertKeptThenReset(Api api, ClientAndServer server) {
        List<Violation> violations = recorded(api, server);
        server.reset();
        assertNone(violations);
    }

    /** Checks what {@code server} recorded, then stops it. */
    public static void assertKeptThenStop(Api api, ClientAndServer server) {
        List<Violation> violations;
        try {
            violations = recorded(api, server);
        } finally {
            server.stop();
        }
        assertNone(violations);
    }

    public static void assertNone(List<Violation> violations) {
        if (violations.isEmpty()) return;
        StringBuilder text = new StringBuilder(violations.size() + " request(s) or answer(s) break the vendor's API description"
                + " (see vendor-specs/exceptions.yaml for the known exceptions):");
        violations.stream().distinct().limit(20).forEach(v -> text.append("\n  ").append(v));
        throw new AssertionError(text.toString());
    }

    /**
     * Slack answers a failed call with HTTP 200 and {@code "ok": false} (api.slack.com/web, "Evaluating responses"),
     * which its description gives as the {@code default} answer: such an answer is checked as that one.
     */
    private static boolean slackError(Api api, int status, String body) {
        if (api != Api.SLACK || status != 200 || body == null) return false;
        try {
            JsonNode json = new ObjectMapper().readTree(body);
            return json != null && json.path("ok").isBoolean() && !json.path("ok").asBoolean();
        } catch (IOException e) {
            return false;
        }
    }

    /** Splits a raw query string ({@code a=1&b=2}) as a server reads it. */
    public static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static Optional<Violation> violation(Api api, VendorCall exchange, ValidationReport report) {
        List<String> problems = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) problems.add(m.getKey() + ": " + m.getMessage());
        }
        return problems.isEmpty() ? Optional.empty()
                : Optional.of(new Violation(api, exchange.sentMethod() + " " + exchange.sentPath(), problems));
    }

    private static OpenApiInteractionValidator validator(Api api, String path) {
        if (api == Api.SLACK) return Slack.VALIDATOR;
        return path.equals(WEBHOOKS) || path.startsWith(WEBHOOKS + "/") ? ZendeskWebhooks.VALIDATOR : ZendeskSupport.VALIDATOR;
    }

    private static final class ZendeskSupport {
        static final OpenApiInteractionValidator VALIDATOR = load("zendesk-support-oas.yaml", "zendesk");
    }

    private static final class ZendeskWebhooks {
        static final OpenApiInteractionValidator VALIDATOR = load("zendesk-webhooks-oas.yaml", "zendesk");
    }

    private static final class Slack {
        static final OpenApiInteractionValidator VALIDATOR = load("slack-web-openapi-v2.json", "slack");
    }

    /**
     * Parsed here rather than by the validator, which refuses a description the parser has any remark on: the
     * remarks the exceptions table accepts (defects of the description outside what is checked) are let through,
     * any other stops the tests.
     */
    private static OpenApiInteractionValidator load(String file, String api) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(VendorSpecs.text(file), null, options);
        List<String> remarks = parsed.getMessages() == null ? List.of() : parsed.getMessages();
        List<String> unexpected = remarks.stream().filter(m -> !ContractExceptions.acceptedRemark(api, m)).toList();
        if (parsed.getOpenAPI() == null || !unexpected.isEmpty()) {
            throw new IllegalStateException("cannot load vendor-specs/" + file + ": " + unexpected);
        }
        return OpenApiInteractionValidator.createFor(parsed.getOpenAPI())
                .withWhitelist(ContractExceptions.whitelist(api))
                .build();
    }
}
