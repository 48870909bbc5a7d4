package dev.supportbot.bot.licenses;

import dev.supportbot.bot.BotPlugin;
import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.portal.HttpPortalClient;
import dev.supportbot.bot.portal.PortalClients;
import dev.supportbot.bot.store.Vendor;
import dev.supportbot.bot.testing.SettableClock;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.TestDatabases;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A whole bot with the production plug-ins on a fresh database (BOT_PORTAL_URL=sandbox, the bundled seed) and the
 * bot's own portal client, so lookups reach the sandbox portal over HTTP as they do in production.
 */
final class LookupBot implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    final SettableClock clock = new SettableClock(START);
    final SupportBot bot;
    final HttpPortalClient client;

    private LookupBot(BotConfig config) {
        ContextCapture capture = new ContextCapture();
        this.bot = SupportBot.builder(config).clock(clock).plugins(Plugins.standard(config)).plugin(capture).start();
        this.client = PortalClients.forBot(capture.context);
    }

    static LookupBot start(Vendor vendor) {
        return new LookupBot(TestBots.config(TestBots.env(TestDatabases.freshUrl(vendor), vendor)));
    }

    /** The seeding day D. */
    LocalDate d() {
        return LocalDate.ofInstant(START, ZoneOffset.UTC);
    }

    @Override
    public void close() {
        bot.close();
    }

    private static final class ContextCapture implements BotPlugin {
        SupportBot.Context context;

        @Override
        public void init(SupportBot.Context context) {
            this.context = context;
        }
    }
}
