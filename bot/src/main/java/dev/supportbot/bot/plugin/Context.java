package dev.supportbot.bot.plugin;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.metrics.Metrics;
import dev.supportbot.bot.store.Database;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a plug-in is built from: the running bot's configuration (with the stand-ins' settings filled in), database,
 * clock, metrics and inbox. {@code port} is set once the server listens; {@code wakeUp} wakes the inbox workers.
 */
public record Context(BotConfig config, Database database, Clock clock, Metrics metrics, AtomicInteger port, Inbox inbox,
        Runnable wakeUp) {

    /** The bot's own base URL on the loopback interface, e.g. for the sandbox portal. Valid after start. */
    public String localBaseUrl() {
        return "http://127.0.0.1:" + port.get();
    }
}
