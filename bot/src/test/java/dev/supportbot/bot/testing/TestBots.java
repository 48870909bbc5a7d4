package dev.supportbot.bot.testing;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.ConfigLoader;
import java.util.HashMap;
import java.util.Map;

/** Configuration for a bot under test: a fresh database, a free port, short inbox timings, given secrets. */
public final class TestBots {
    public static final String ZENDESK_SECRET = "zendesk-test-secret";
    public static final String SLACK_SECRET = "slack-test-secret";

    private TestBots() {}

    public static Map<String, String> env() {
        return env(TestDatabases.freshUrl());
    }

    /** For a configuration that nothing opens a database with. */
    public static Map<String, String> envWithoutDatabase() {
        return env("jdbc:postgresql://127.0.0.1/unused");
    }

    public static Map<String, String> env(String dbUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("BOT_PORT", "0");
        env.put("BOT_DB_URL", dbUrl);
        env.put("BOT_DB_USER", TestDatabases.USER);
        env.put("BOT_ZENDESK_WEBHOOK_SECRET", ZENDESK_SECRET);
        env.put("BOT_SLACK_SIGNING_SECRET", SLACK_SECRET);
        env.put("BOT_INBOX_POLL_INTERVAL", "50ms");
        env.put("BOT_INBOX_RETRY_BASE", "20ms");
        env.put("BOT_INBOX_RETRY_MAX", "200ms");
        env.put("BOT_INBOX_LEASE", "5s");
        env.put("BOT_ZENDESK_UPDATES_PER_MINUTE", "1000");
        env.put("BOT_ZENDESK_REQUESTS_PER_MINUTE", "2500");
        return env;
    }

    public static BotConfig config(Map<String, String> env) {
        return new ConfigLoader(env::get).resolve(Map.of());
    }
}
