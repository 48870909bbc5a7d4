package dev.supportbot.bot.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRule;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.parser.OpenAPIParser;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.Header;
import org.mockserver.model.NottableString;
import org.mockserver.model.Parameter;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

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

    private static final Pattern JSON_SUFFIX = Pattern.compile("\\.json$");
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
        Exchange exchange = Exchange.of(api, method, path, query, headers, body);
        ValidationReport report = validator(api, exchange.path).validateRequest(exchange.request());
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
        Exchange exchange = Exchange.of(api, method, path, query, headers, body);
        SimpleResponse.Builder response = SimpleResponse.Builder.status(slackError(api, status, responseBody) ? SLACK_ERROR : status);
        if (contentType != null) response.withContentType(contentType);
        if (responseBody != null && !responseBody.isEmpty()) response.withBody(responseBody);
        ValidationReport report = validator(api, exchange.path).validate(exchange.request(), response.build());
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

    private static Optional<Violation> violation(Api api, Exchange exchange, ValidationReport report) {
        List<String> problems = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) problems.add(m.getKey() + ": " + m.getMessage());
        }
        return problems.isEmpty() ? Optional.empty()
                : Optional.of(new Violation(api, exchange.originalMethod + " " + exchange.originalPath, problems));
    }

    /**
     * A request in the shape the description declares. Zendesk accepts every path with and without {@code .json}
     * (its description lists them without). Slack accepts every method's arguments as a query (GET) or a form or
     * JSON body (POST), and the token as {@code Authorization: Bearer} (api.slack.com/web, "Basics"), while its
     * description names one method per operation and the token as a {@code token} header or query parameter: the
     * Slack SDK's POST forms are checked as the call the description names, the token where it wants it.
     */
    private record Exchange(String originalMethod, String method, String originalPath, String path, Map<String, List<String>> query,
                            Map<String, List<String>> headers, String body) {

        static Exchange of(Api api, String method, String path, Map<String, List<String>> query,
                           Map<String, List<String>> headers, String body) {
            Map<String, List<String>> q = new LinkedHashMap<>(query);
            Map<String, List<String>> h = new LinkedHashMap<>();
            headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
            String m = method.toUpperCase(Locale.ROOT);
            String p = path;
            String b = body;
            if (api == Api.ZENDESK) {
                p = JSON_SUFFIX.matcher(path).replaceFirst("");
            } else {
                Slack.Operation op = Slack.operation(p);
                if (op != null) return op.asDescribed(method, path, q, h, b);
            }
            return new Exchange(method, m, path, p, q, h, b);
        }

        Request request() {
            SimpleRequest.Builder r = new SimpleRequest.Builder(method, path);
            query.forEach(r::withQueryParam);
            headers.forEach(r::withHeader);
            if (body != null && !body.isEmpty()) r.withBody(body);
            return r.build();
        }

        private static String first(Map<String, List<String>> headers, String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
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
        static final JsonNode SPEC = read("slack-web-openapi-v2.json", new ObjectMapper());
        static final OpenApiInteractionValidator VALIDATOR = load("slack-web-openapi-v2.json", "slack");
        private static final ObjectMapper JSON = new ObjectMapper();

        /** An operation as the description gives it: its one method, the JSON body it takes, its arguments' places and types. */
        record Operation(String method, boolean takesJson, Map<String, JsonNode> parameters) {

            /** The call as the description declares it, from the same arguments and token. */
            Exchange asDescribed(String sentMethod, String path, Map<String, List<String>> query,
                                 Map<String, List<String>> headers, String body) {
                Map<String, List<String>> args = new LinkedHashMap<>(query);
                Map<String, List<String>> h = new LinkedHashMap<>(headers);
                String contentType = Exchange.first(h, "content-type");
                String jsonBody = null;
                if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
                    VendorContracts.query(body).forEach((k, v) -> args.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
                } else if (body != null && !body.isBlank()) {
                    JsonNode object = jsonObject(body);
                    if (object == null) jsonBody = body; // not JSON: checked as sent, and refused
                    else object.fields().forEachRemaining(f -> args.put(f.getKey(),
                            List.of(f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString())));
                }
                h.remove("content-type");
                String bearer = Exchange.first(h, "authorization");
                if (bearer != null && bearer.startsWith("Bearer ")) args.put("token", List.of(bearer.substring("Bearer ".length())));
                Map<String, List<String>> q = new LinkedHashMap<>();
                Map<String, Object> form = new LinkedHashMap<>();
                for (Map.Entry<String, List<String>> arg : args.entrySet()) {
                    JsonNode declared = parameters.get(arg.getKey());
                    String in = declared == null ? (method.equals("GET") ? "query" : "formData") : declared.path("in").asText();
                    String type = declared == null ? "string" : declared.path("type").asText("string");
                    String value = arg.getValue().isEmpty() ? "" : arg.getValue().get(0);
                    switch (in) {
                        case "header" -> h.put(arg.getKey(), List.of(value));
                        case "query" -> q.put(arg.getKey(), List.of(String.valueOf(typed(type, value))));
                        default -> form.put(arg.getKey(), typed(type, value));
                    }
                }
                String b = jsonBody;
                if (!form.isEmpty() && jsonBody == null) {
                    if (takesJson) {
                        h.put("content-type", List.of("application/json"));
                        b = json(form);
                    } else {
                        h.put("content-type", List.of("application/x-www-form-urlencoded"));
                        b = form(form);
                    }
                } else if (jsonBody != null) {
                    h.put("content-type", List.of("application/json"));
                }
                return new Exchange(sentMethod, method, path, path, q, h, b);
            }

            private static JsonNode jsonObject(String body) {
                try {
                    JsonNode node = JSON.readTree(body);
                    return node != null && node.isObject() ? node : null;
                } catch (IOException e) {
                    return null;
                }
            }

            /** Slack takes a boolean argument as {@code true}/{@code 1} and {@code false}/{@code 0}; numbers as text. */
            private static Object typed(String type, String value) {
                switch (type) {
                    case "boolean":
                        if (value.equals("1") || value.equals("true")) return true;
                        if (value.equals("0") || value.equals("false")) return false;
                        return value;
                    case "integer":
                    case "number":
                        try {
                            return new java.math.BigDecimal(value);
                        } catch (NumberFormatException e) {
                            return value;
                        }
                    default:
                        return value;
                }
            }

            private static String json(Map<String, Object> values) {
                try {
                    return JSON.writeValueAsString(values);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            private static String form(Map<String, Object> values) {
                StringBuilder out = new StringBuilder();
                values.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&")
                        .append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                        .append(java.net.URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
                return out.toString();
            }
        }

        static Operation operation(String path) {
            String basePath = SPEC.path("basePath").asText("");
            JsonNode item = SPEC.path("paths").path(path.startsWith(basePath) ? path.substring(basePath.length()) : path);
            String method = item.has("post") ? "post" : item.has("get") ? "get" : null;
            if (method == null) return null;
            JsonNode op = item.path(method);
            Map<String, JsonNode> parameters = new LinkedHashMap<>();
            op.path("parameters").forEach(parameter -> parameters.put(parameter.path("name").asText(), parameter));
            boolean takesJson = false;
            for (JsonNode type : op.path("consumes")) takesJson |= type.asText().equals("application/json");
            return new Operation(method.toUpperCase(Locale.ROOT), takesJson, parameters);
        }
    }

    /**
     * Parsed here rather than by the validator, which refuses a description the parser has any remark on: the
     * remarks the exceptions table accepts (defects of the description outside what is checked) are let through,
     * any other stops the tests.
     */
    private static OpenApiInteractionValidator load(String file, String api) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(text("vendor-specs/" + file), null, options);
        List<String> remarks = parsed.getMessages() == null ? List.of() : parsed.getMessages();
        List<String> unexpected = remarks.stream().filter(m -> !Exceptions.acceptedRemark(api, m)).toList();
        if (parsed.getOpenAPI() == null || !unexpected.isEmpty()) {
            throw new IllegalStateException("cannot load vendor-specs/" + file + ": " + unexpected);
        }
        return OpenApiInteractionValidator.createFor(parsed.getOpenAPI())
                .withWhitelist(Exceptions.whitelist(api))
                .build();
    }

    /** The one table of exceptions: each names an API, an operation, the validator's message key and a reason. */
    static final class Exceptions {
        private static final JsonNode TABLE = read("exceptions.yaml", new ObjectMapper(new YAMLFactory()));

        static boolean acceptedRemark(String api, String remark) {
            for (JsonNode e : TABLE.path("parser_remarks")) {
                if (e.path("api").asText().equals(api) && remark.matches(e.path("remark").asText())) {
                    requireReason(e);
                    return true;
                }
            }
            return false;
        }

        private static String requireReason(JsonNode e) {
            String reason = e.path("reason").asText("");
            if (reason.isBlank()) throw new IllegalStateException("an exception without a reason: " + e);
            return reason;
        }

        static ValidationErrorsWhitelist whitelist(String api) {
            ValidationErrorsWhitelist whitelist = ValidationErrorsWhitelist.create();
            for (JsonNode e : TABLE.path("exceptions")) {
                if (!e.path("api").asText().equals(api)) continue;
                String reason = requireReason(e);
                List<WhitelistRule> rules = new ArrayList<>(List.of(WhitelistRules.messageHasKey(e.path("key").asText())));
                String operation = e.path("operation").asText();
                if (!operation.equals("*")) {
                    String[] parts = operation.split(" ", 2);
                    rules.add(WhitelistRules.methodIs(PathItem.HttpMethod.valueOf(parts[0])));
                    rules.add(WhitelistRules.pathContainsRegexp(parts[1].replaceAll("\\{[^}]+}", "[^/]+") + "$"));
                }
                if (e.hasNonNull("message")) rules.add(WhitelistRules.messageContainsSubstring(e.path("message").asText()));
                if (e.path("in").asText("").equals("response")) rules.add(WhitelistRules.isResponse());
                if (e.path("in").asText("").equals("request")) rules.add(WhitelistRules.isRequest());
                whitelist = whitelist.withRule(reason, WhitelistRules.allOf(rules.toArray(WhitelistRule[]::new)));
            }
            return whitelist;
        }
    }

    private static JsonNode read(String file, ObjectMapper mapper) {
        try {
            return mapper.readTree(text("vendor-specs/" + file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String resource) {
        try (InputStream in = VendorContracts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing test resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
