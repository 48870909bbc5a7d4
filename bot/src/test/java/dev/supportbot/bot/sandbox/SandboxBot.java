package dev.supportbot.bot.sandbox;

import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.portal.HttpPortalClient;
import dev.supportbot.bot.portal.PortalClients;
import dev.supportbot.bot.testing.ContextCapture;
import dev.supportbot.bot.testing.SettableClock;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * A whole bot with the production plug-ins on a fresh database (BOT_PORTAL_URL=sandbox), a clock tests move, and the
 * bot's own portal client: the sandbox is reached over HTTP as in production. Also reads the sandbox's secrets
 * straight from its tables, as only a test may.
 */
public final class SandboxBot implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    public final SettableClock clock = new SettableClock(START);
    public final SupportBot bot;
    public final HttpPortalClient client;
    private final HttpClient http = HttpClient.newHttpClient();

    private SandboxBot(BotConfig config) {
        ContextCapture capture = new ContextCapture();
        this.bot = SupportBot.builder(config).clock(clock).plugins(Plugins.standard(config)).plugins(capture).start();
        this.client = PortalClients.forBot(capture.context());
    }

    public static SandboxBot start() {
        return start(TestDatabases.freshUrl(), Map.of());
    }

    public static SandboxBot start(String dbUrl, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(TestBots.env(dbUrl));
        env.putAll(extraEnv);
        return new SandboxBot(TestBots.config(env));
    }

    /** The seeding day D. */
    LocalDate d() {
        return LocalDate.ofInstant(START, ZoneOffset.UTC);
    }

    public Jdbi jdbi() {
        return bot.database().jdbi();
    }

    public String licenseText(long licenseId) {
        return jdbi().withHandle(h -> h.createQuery("SELECT license_text FROM sandbox_license WHERE id = :id")
                .bind("id", licenseId).mapTo(String.class).one());
    }

    public String activationCode(String subscriptionName) {
        return jdbi().withHandle(h -> h.createQuery("SELECT activation_code FROM sandbox_cloud_activation WHERE subscription_name = :s")
                .bind("s", subscriptionName).mapTo(String.class).one());
    }

    String latestSignInToken(long customerId) {
        return jdbi().withHandle(h -> h.createQuery(
                        "SELECT token FROM sandbox_sign_in_link WHERE customer_id = :c ORDER BY expires_at DESC LIMIT 1")
                .bind("c", customerId).mapTo(String.class).one());
    }

    public long count(String table) {
        return jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    /** A raw request to the sandbox API, for what the bot's client never sends. */
    public HttpResponse<String> send(String method, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port()
                        + SandboxPortalPlugin.API_PATH + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) request.header("Content-Type", "application/json");
        if (headers.length > 0) request.headers(headers);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
