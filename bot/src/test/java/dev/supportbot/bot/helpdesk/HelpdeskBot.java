package dev.supportbot.bot.helpdesk;

import dev.supportbot.bot.BotPlugin;
import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.testing.TestBots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * A whole bot with the production plug-ins on a fresh database and the embedded defaults: sandbox portal, sandbox
 * Zendesk and sandbox Slack, reached over HTTP by the bot's own adapters. Without webhook and signing secrets set,
 * as a new user runs it, so the generated sandbox values are what both sides use.
 */
final class HelpdeskBot implements AutoCloseable {
    final SupportBot bot;
    final SandboxHelpdeskPlugin helpdesk;
    final BotConfig config;
    private final HttpClient http = HttpClient.newHttpClient();

    private HelpdeskBot(BotConfig loaded) {
        List<BotPlugin> plugins = Plugins.standard(loaded);
        this.helpdesk = plugins.stream().filter(SandboxHelpdeskPlugin.class::isInstance).map(SandboxHelpdeskPlugin.class::cast)
                .findFirst().orElseThrow();
        Capture capture = new Capture();
        this.bot = SupportBot.builder(loaded).host("127.0.0.1").plugins(plugins).plugin(capture).start();
        this.config = capture.context.config();
    }

    static HelpdeskBot start() {
        Map<String, String> env = new HashMap<>(TestBots.env());
        env.remove("BOT_ZENDESK_WEBHOOK_SECRET");
        env.remove("BOT_SLACK_SIGNING_SECRET");
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
    }

    private static final class Capture implements BotPlugin {
        SupportBot.Context context;

        @Override
        public void init(SupportBot.Context context) {
            this.context = context;
        }
    }
}
