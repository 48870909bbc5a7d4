package dev.supportbot.bot.testing;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.ConfigLoader;
import java.util.HashMap;
import java.util.Map;

/** Configuration for a bot under test: a fresh database, a free port, short inbox timings, given secrets. */
public final class TestBots {
    public static final String ZENDESK_SECRET = "zendesk-test-secret";
    public static final String SLACK_SECRET = "slack-test-secret";
    /** The workspace of the tests' Slack requests ({@code team_id=T1}). */
    public static final String SLACK_TEAM = "T1";
    public static final String PORTAL_TOKEN = "portal-test-token";

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
        env.put("BOT_SLACK_TEAM_ID", SLACK_TEAM);
        env.put("BOT_INBOX_POLL_INTERVAL", "50ms");
        env.put("BOT_INBOX_RETRY_BASE", "20ms");
        env.put("BOT_INBOX_RETRY_MAX", "200ms");
        env.put("BOT_INBOX_LEASE", "5s");
        env.put("BOT_ZENDESK_UPDATES_PER_MINUTE", "1000");
        env.put("BOT_ZENDESK_REQUESTS_PER_MINUTE", "2500");
        return env;
    }

    /**
     * For {@code serve} in a child process with some back ends real (fakes at the far side of the wire) and the others
     * the sandbox: the mix is allowed on purpose, the sandbox portal then needs its token, and the console is off.
     */
    public static Map<String, String> mixOnPurpose(Map<String, String> env) {
        env.put("BOT_ALLOW_SANDBOX_MIX", "true");
        env.put("BOT_PORTAL_TOKEN", PORTAL_TOKEN);
        env.put("BOT_CONSOLE_ENABLED", "false");
        return env;
    }

    public static BotConfig config(Map<String, String> env) {
        return new ConfigLoader(env::get).resolve(Map.of());
    }
}
