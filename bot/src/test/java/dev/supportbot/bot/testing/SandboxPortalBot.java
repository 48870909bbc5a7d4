package dev.supportbot.bot.testing;

import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.portal.HttpPortalClient;
import dev.supportbot.bot.portal.PortalClients;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A whole bot with the production plug-ins on a fresh database (BOT_PORTAL_URL=sandbox, the bundled seed) and the
 * bot's own portal client, so portal reads reach the sandbox portal over HTTP as they do in production.
 */
public final class SandboxPortalBot implements AutoCloseable {
    public static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    public final SettableClock clock = new SettableClock(START);
    public final SupportBot bot;
    public final HttpPortalClient client;

    private SandboxPortalBot(BotConfig config) {
        ContextCapture capture = new ContextCapture();
        this.bot = SupportBot.builder(config).clock(clock).plugins(Plugins.standard(config)).plugins(capture).start();
        this.client = PortalClients.forBot(capture.context());
    }

    public static SandboxPortalBot start() {
        return new SandboxPortalBot(TestBots.config(TestBots.env(TestDatabases.freshUrl())));
    }

    /** The seeding day D. */
    public LocalDate d() {
        return LocalDate.ofInstant(START, ZoneOffset.UTC);
    }

    @Override
    public void close() {
        bot.close();
    }
}
