package dev.supportbot.bot.testing;

import dev.supportbot.bot.plugin.BotPlugin;
import dev.supportbot.bot.plugin.Context;
import dev.supportbot.bot.plugin.PluginSet;
import java.util.List;

/** Adds no plug-in: keeps the running bot's context (its configuration as the stand-ins filled it in, its database). */
public final class ContextCapture implements PluginSet {
    private Context context;

    @Override
    public List<BotPlugin> build(Context context) {
        this.context = context;
        return List.of();
    }

    /** Set once the bot started. */
    public Context context() {
        return context;
    }
}
