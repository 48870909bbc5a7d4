package dev.supportbot.bot;

import dev.supportbot.bot.commands.SlashHandler;
import dev.supportbot.bot.engine.ClickHandler;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.http.HttpRoutes;
import dev.supportbot.bot.inbox.Dispatcher;
import java.util.List;
import java.util.Map;

/**
 * A part of the bot that plugs into the one intake (after Prow's hook plugins): HTTP routes, {@code /lnr}
 * commands, and work to start once the server listens / stop before the database closes. Registered in
 * {@link Plugins#standard(dev.supportbot.bot.config.BotConfig)}.
 */
public interface BotPlugin extends AutoCloseable {

    /**
     * Called first, before the database opens: a plug-in may fill in settings it provides itself (the sandbox
     * stand-ins' URLs and credentials). The bot and every plug-in then run on the returned configuration.
     */
    default BotConfig configure(BotConfig config) {
        return config;
    }

    /** Called once, before the HTTP server starts. */
    default void init(SupportBot.Context context) {}

    default List<HttpRoutes> routes() {
        return List.of();
    }

    /** {@code /lnr} sub-commands of this plug-in; available after init. */
    default List<SlashHandler> slashHandlers() {
        return List.of();
    }

    /** Handlers of Slack button clicks by action id; available after init. */
    default List<ClickHandler> clickHandlers() {
        return List.of();
    }

    /** Dispatchers of inbox events by source ({@code zendesk}, {@code slack}, {@code effect}…); called after init. */
    default Map<String, Dispatcher> dispatchers() {
        return Map.of();
    }

    /** Called once the server listens (its port is known). */
    default void started(SupportBot.Context context) {}

    /** Called when the bot begins to stop, while its workers finish what they hold: start no new work (timers). */
    default void draining() {}

    /** Called after intake stopped and before the database closes. */
    @Override
    default void close() {}
}
