package dev.supportbot.bot;

import dev.supportbot.bot.commands.CommandsPlugin;
import dev.supportbot.bot.config.BackEnds;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.console.ConsolePlugin;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.engine.EnginePlugin;
import dev.supportbot.bot.helpdesk.SandboxHelpdeskPlugin;
import dev.supportbot.bot.portal.PortalClients;
import dev.supportbot.bot.sandbox.SandboxPortalPlugin;
import java.util.ArrayList;
import java.util.List;

/** The plug-ins of the production service, in one place. */
public final class Plugins {
    private Plugins() {}

    public static List<BotPlugin> standard(BotConfig config) {
        List<BotPlugin> plugins = new ArrayList<>();
        BackEnds backEnds = BackEnds.of(config);
        // Outside sandbox mode the stand-ins answer only requests carrying BOT_PORTAL_TOKEN.
        boolean guarded = !backEnds.sandbox();
        if (PortalClients.SANDBOX.equals(config.get(Settings.PORTAL_URL))) plugins.add(new SandboxPortalPlugin(guarded));
        if (SandboxHelpdeskPlugin.wanted(config)) plugins.add(new SandboxHelpdeskPlugin(guarded));
        EnginePlugin engine = engine();
        plugins.add(engine);
        plugins.add(new LicenseCommands());
        plugins.add(new TicketCommands(engine));
        if (config.get(Settings.CONSOLE_ENABLED)) plugins.add(new ConsolePlugin(engine, backEnds));
        // Last: it routes the /lnr commands and clicks of the plug-ins before it.
        plugins.add(new CommandsPlugin(engine, plugins));
        return List.copyOf(plugins);
    }

    /** The engine with every extension the production service has (approved actions). */
    public static EnginePlugin engine() {
        return new EnginePlugin(List.of(new ApprovedActions()));
    }

}
