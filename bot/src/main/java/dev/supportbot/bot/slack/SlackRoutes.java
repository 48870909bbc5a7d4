package dev.supportbot.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.supportbot.bot.http.ApiError;
import dev.supportbot.bot.http.HttpRoutes;
import dev.supportbot.bot.http.SignatureCheck;
import dev.supportbot.bot.http.SlackSignature;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: slash commands and interactivity payloads. The signature is checked on the raw body
 * here, then the workspace and app the request names ({@link SlackWorkspace}: 403 for another's); Bolt then runs the
 * handlers of {@link SlackCommands}, whose answers are copied back.
 */
public final class SlackRoutes implements HttpRoutes {
    public static final String PATH = "/slack/events";
    private static final Logger log = LoggerFactory.getLogger(SlackRoutes.class);

    private final SlackSignature signature;
    private final SlackWorkspace workspace;
    private final App app;
    private final SlackRequestParser parser;

    public SlackRoutes(SlackSignature signature, SlackWorkspace workspace, App app) {
        this.signature = signature;
        this.workspace = workspace;
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(PATH, this::receive);
    }

    @Override
    public List<String> limitedPaths() {
        return List.of(PATH);
    }

    private void receive(Context ctx) throws Exception {
        byte[] raw = ctx.bodyAsBytes();
        SignatureCheck check = signature.check(
                ctx.header(SlackSignature.SIGNATURE_HEADER), ctx.header(SlackSignature.TIMESTAMP_HEADER), raw);
        if (!check.valid()) {
            ApiError.respond(ctx, 401, check.reason());
            return;
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(ctx.path())
                    .queryString(ctx.queryParamMap())
                    .headers(new RequestHeaders(headers(ctx)))
                    .requestBody(body)
                    .remoteAddress(ctx.ip())
                    .build());
        } catch (RuntimeException e) {
            ApiError.respond(ctx, 400, "not a Slack command or interaction payload");
            return;
        }
        if (request == null) {
            ApiError.respond(ctx, 400, "not a Slack command or interaction payload");
            return;
        }
        Optional<String> foreign;
        try {
            foreign = workspace.refusal(teamOf(request), appOf(request));
        } catch (SlackWorkspace.Unknown e) {
            log.warn("Slack request not accepted: {}", e.getMessage());
            ctx.header("Retry-After", "5");
            ApiError.respond(ctx, 503, "the bot's Slack workspace is not known yet; retry later");
            return;
        }
        if (foreign.isPresent()) {
            log.info("Slack request refused: {}", foreign.get());
            ApiError.respond(ctx, 403, foreign.get());
            return;
        }
        Response response = app.run(request);
        ctx.status(response.getStatusCode());
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, values) -> values.forEach(v -> ctx.header(name, v)));
        }
        if (response.getContentType() != null) ctx.contentType(response.getContentType());
        if (response.getBody() != null) ctx.result(response.getBody());
        if (response.getStatusCode() >= 400) log.info("Slack request answered {}", response.getStatusCode());
    }

    private static String teamOf(Request<?> request) {
        if (request instanceof SlashCommandRequest r) return r.getPayload().getTeamId();
        if (request instanceof BlockActionRequest r) return r.getPayload().getTeam() == null ? null : r.getPayload().getTeam().getId();
        if (request instanceof ViewSubmissionRequest r) return r.getPayload().getTeam() == null ? null : r.getPayload().getTeam().getId();
        return request.getContext().getTeamId();
    }

    private static String appOf(Request<?> request) {
        if (request instanceof SlashCommandRequest r) return r.getPayload().getApiAppId();
        if (request instanceof BlockActionRequest r) return r.getPayload().getApiAppId();
        if (request instanceof ViewSubmissionRequest r) return r.getPayload().getApiAppId();
        return null;
    }

    private static Map<String, List<String>> headers(Context ctx) {
        Map<String, List<String>> headers = new HashMap<>();
        ctx.headerMap().forEach((name, value) -> headers.computeIfAbsent(name.toLowerCase(), k -> new ArrayList<>()).add(value));
        return headers;
    }
}
