package dev.supportbot.bot.plugin;

import dev.supportbot.bot.config.BotConfig;
import java.util.List;

/**
 * Plug-ins built together, eagerly, once the database is open. {@link #configure} runs first, before the database
 * opens: a set may fill in settings it provides itself (the sandbox stand-ins' URLs and credentials); the bot and
 * every plug-in then run on the returned configuration.
 */
@FunctionalInterface
public interface PluginSet {

    /** Builds the plug-ins; one that fails to build closes those it already built before it throws. */
    List<BotPlugin> build(Context context);

    default BotConfig configure(BotConfig config) {
        return config;
    }
}
