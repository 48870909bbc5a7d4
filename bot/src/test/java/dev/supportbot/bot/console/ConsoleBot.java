package dev.supportbot.bot.console;

import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.testing.ContextCapture;
import dev.supportbot.bot.testing.TestBots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * A whole bot with the production plug-ins, the console among them, on a fresh database; a browser-like client that
 * never follows redirects (tests read them) and sends what it is told.
 */
final class ConsoleBot implements AutoCloseable {
    /** A real (unreachable) Zendesk and Slack: the console's production mode. */
    static final Map<String, String> PRODUCTION = Map.of(
            "BOT_ZENDESK_URL", "http://127.0.0.1:9/zendesk",
            "BOT_ZENDESK_EMAIL", "bot@example.com",
            "BOT_ZENDESK_TOKEN", "zendesk-token-for-tests",
            "BOT_SLACK_API_URL", "http://127.0.0.1:9/slack/api/",
            "BOT_SLACK_BOT_TOKEN", "xoxb-for-tests",
            "BOT_SLACK_CHANNEL", "C0TEST");

    final SupportBot bot;
    /** The configuration the bot runs on, with what sandbox mode filled in (the stand-ins' URLs and tokens). */
    final BotConfig config;
    private final HttpClient http = HttpClient.newHttpClient();

    private ConsoleBot(Map<String, String> env) {
        BotConfig given = TestBots.config(env);
        ContextCapture capture = new ContextCapture();
        this.bot = SupportBot.builder(given).host("127.0.0.1").plugins(Plugins.standard(given)).plugins(capture).start();
        this.config = capture.context().config();
    }

    /** In sandbox mode (the embedded defaults), with the generated secrets, as a new user runs it. */
    static ConsoleBot sandbox() {
        Map<String, String> env = new HashMap<>(TestBots.env());
        env.remove("BOT_ZENDESK_WEBHOOK_SECRET");
        env.remove("BOT_SLACK_SIGNING_SECRET");
        return new ConsoleBot(env);
    }

    /** Against a real Zendesk and Slack, with this console token (null: none). */
    static ConsoleBot production(String consoleToken) {
        Map<String, String> env = new HashMap<>(TestBots.env());
        env.putAll(PRODUCTION);
        if (consoleToken != null) env.put("BOT_CONSOLE_TOKEN", consoleToken);
        return new ConsoleBot(env);
    }

    Jdbi jdbi() {
        return bot.database().jdbi();
    }

    String url(String path) {
        return "http://127.0.0.1:" + bot.port() + path;
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (headers.length > 0) request.headers(headers);
        return send(request.build());
    }

    HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) request.headers(headers);
        return send(request.build());
    }

    static Map<String, String> form(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) out.put(pairs[i], pairs[i + 1]);
        return out;
    }

    long count(String sql, Object... args) {
        return jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) q.bind(i, args[i]);
            return q.mapTo(Long.class).one();
        });
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

    @Override
    public void close() {
        bot.close();
    }
}
