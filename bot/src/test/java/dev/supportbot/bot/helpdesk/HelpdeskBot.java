package dev.supportbot.bot.helpdesk;

import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.http.HttpRoutes;
import dev.supportbot.bot.plugin.BotPlugin;
import dev.supportbot.bot.testing.ContextCapture;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.VendorContracts;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;

/**
 * A whole bot with the production plug-ins on a fresh database and the embedded defaults: sandbox portal, sandbox
 * Zendesk and sandbox Slack, reached over HTTP by the bot's own adapters. Without webhook and signing secrets set,
 * as a new user runs it, so the generated sandbox values are what both sides use. Every request to the stand-ins and
 * every answer they give is checked against the vendors' API descriptions, and {@link #close()} fails on a violation:
 * the stand-ins cannot drift from Zendesk and Slack, nor the adapters send what those would refuse.
 */
final class HelpdeskBot implements AutoCloseable {
    final SupportBot bot;
    final SandboxHelpdeskPlugin helpdesk;
    final BotConfig config;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ContractCheck contracts = new ContractCheck();

    private HelpdeskBot(BotConfig loaded) {
        ContextCapture capture = new ContextCapture();
        this.bot = SupportBot.builder(loaded).host("127.0.0.1").plugins(Plugins.standard(loaded)).plugins(capture)
                .plugins(context -> List.of(contracts)).start();
        this.helpdesk = bot.plugins().stream().filter(SandboxHelpdeskPlugin.class::isInstance)
                .map(SandboxHelpdeskPlugin.class::cast).findFirst().orElseThrow();
        this.config = capture.context().config();
    }

    static HelpdeskBot start() {
        Map<String, String> env = new HashMap<>(TestBots.env());
        env.remove("BOT_ZENDESK_WEBHOOK_SECRET");
        env.remove("BOT_SLACK_SIGNING_SECRET");
        env.remove("BOT_SLACK_TEAM_ID"); // the sandbox workspace's own id: the tests' "T1" is no Slack team id
        return new HelpdeskBot(TestBots.config(env));
    }

    Jdbi jdbi() {
        return bot.database().jdbi();
    }

    String base() {
        return "http://127.0.0.1:" + bot.port();
    }

    /** A request to the Zendesk stand-in's API as the bot's account, or on behalf of {@code asEmail} when given. */
    HttpResponse<String> zendesk(String method, String path, String json, String asEmail, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.get(Settings.ZENDESK_URL) + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", new dev.supportbot.bot.zendesk.ZendeskAccount(config.get(Settings.ZENDESK_URL),
                        config.get(Settings.ZENDESK_EMAIL), config.get(Settings.ZENDESK_TOKEN)).basicAuthorization())
                .header("Content-Type", "application/json");
        if (asEmail != null) request.header("X-On-Behalf-Of", asEmail);
        if (headers.length > 0) request.headers(headers);
        return send(request.build());
    }

    HttpResponse<String> post(String url, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        if (headers.length > 0) request.headers(headers);
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long count(String sql, Object... args) {
        return jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) q.bind(i, args[i]);
            return q.mapTo(Long.class).one();
        });
    }

    @Override
    public void close() {
        bot.close();
        VendorContracts.assertNone(contracts.violations);
    }

    /** Checks each exchange with the stand-ins once it is answered, keeping what breaks the descriptions. */
    private static final class ContractCheck implements BotPlugin {
        final List<VendorContracts.Violation> violations = new CopyOnWriteArrayList<>();

        @Override
        public List<HttpRoutes> routes() {
            return List.of(routes -> {
                routes.addHttpHandler(HandlerType.AFTER, SandboxSettings.ZENDESK_PATH + "/api/v2/*",
                        ctx -> check(VendorContracts.Api.ZENDESK, SandboxSettings.ZENDESK_PATH, ctx));
                routes.addHttpHandler(HandlerType.AFTER, SandboxSettings.SLACK_API_PATH + "*",
                        ctx -> check(VendorContracts.Api.SLACK, SandboxSettings.SLACK_PATH, ctx));
            });
        }

        /**
         * A request the stand-in refused (4xx) is a test's deliberate bad input, refused as the vendor would: only
         * its answer is checked. Every request it accepted must be one the vendor accepts too.
         */
        private void check(VendorContracts.Api api, String prefix, Context ctx) {
            Map<String, List<String>> headers = new HashMap<>();
            ctx.headerMap().forEach((k, v) -> headers.put(k, List.of(v)));
            boolean refused = ctx.statusCode() >= 400 && ctx.statusCode() < 500;
            (refused ? VendorContracts.answer(api, ctx.method().name(), ctx.path().substring(prefix.length()),
                    VendorContracts.query(ctx.queryString()), headers, ctx.body(), ctx.statusCode(), ctx.res().getContentType(), ctx.result())
                    : VendorContracts.exchange(api, ctx.method().name(), ctx.path().substring(prefix.length()),
                    VendorContracts.query(ctx.queryString()), headers, ctx.body(), ctx.statusCode(), ctx.res().getContentType(), ctx.result()))
                    .ifPresent(violations::add);
        }
    }
}
