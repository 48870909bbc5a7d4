package dev.supportbot.bot.plugin;

import dev.supportbot.bot.http.HttpRoutes;
import dev.supportbot.bot.inbox.Dispatcher;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * A part of the bot that plugs into the one intake: HTTP routes, {@code /lnr} commands, Slack clicks, dispatchers of
 * inbox events, and work to do once the server listens / to stop before the database closes. A plug-in is built
 * whole by its constructor (see {@link PluginSet}); what it offers is there from then on.
 */
public interface BotPlugin extends AutoCloseable {

    default List<HttpRoutes> routes() {
        return List.of();
    }

    /** {@code /lnr} sub-commands of this plug-in. */
    default List<SlashHandler> slashHandlers() {
        return List.of();
    }

    /** Handlers of Slack button clicks by action id. */
    default List<ClickHandler> clickHandlers() {
        return List.of();
    }

    /** Dispatchers of inbox events by source ({@code zendesk}, {@code slack}, {@code effect}…). */
    default Map<String, Dispatcher> dispatchers() {
        return Map.of();
    }

    /** Called once the server listens (its port is known). */
    default void started(Context context) {}

    /** Called when the bot begins to stop, while its workers finish what they hold: start no new work (timers). */
    default void draining() {}

    /** Called after intake stopped and before the database closes. */
    @Override
    default void close() {}

    /** Closes {@code plugins} in reverse order; one that fails to close does not keep the others open. */
    static void closeAll(List<? extends BotPlugin> plugins) {
        for (int i = plugins.size() - 1; i >= 0; i--) {
            BotPlugin plugin = plugins.get(i);
            try {
                plugin.close();
            } catch (Exception e) {
                LoggerFactory.getLogger(BotPlugin.class).warn("plugin {} did not close cleanly: {}", plugin.getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
