package dev.supportbot.bot;

import dev.supportbot.bot.config.BotConfig;
import java.util.List;

/** The plug-ins of the production service, in one place. */
public final class Plugins {
    private Plugins() {}

    public static List<BotPlugin> standard(BotConfig config) {
        return List.of();
    }
}
