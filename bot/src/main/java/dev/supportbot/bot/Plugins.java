package dev.supportbot.bot;

import dev.supportbot.bot.commands.CommandsPlugin;
import dev.supportbot.bot.config.BackEnds;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.console.ConsolePlugin;
import dev.supportbot.bot.engine.EnginePlugin;
import dev.supportbot.bot.helpdesk.SandboxHelpdeskPlugin;
import dev.supportbot.bot.plugin.BotPlugin;
import dev.supportbot.bot.plugin.ClickHandler;
import dev.supportbot.bot.plugin.Context;
import dev.supportbot.bot.plugin.PluginSet;
import dev.supportbot.bot.plugin.SlashHandler;
import dev.supportbot.bot.portal.PortalClients;
import dev.supportbot.bot.sandbox.SandboxPortalPlugin;
import java.util.ArrayList;
import java.util.List;

/**
 * The plug-ins of the production service, built in one place, each whole by its constructor: the sandbox stand-ins
 * the configuration asks for, the engine with approved actions, the {@code /lnr} commands, the console, and the
 * router of commands and clicks, given the handlers of the others.
 */
public final class Plugins implements PluginSet {
    private final BotConfig given;
    private final BackEnds backEnds;
    private final boolean sandboxPortal;
    private final boolean sandboxHelpdesk;
    /** Outside sandbox mode the stand-ins answer only requests carrying BOT_PORTAL_TOKEN. */
    private final boolean guarded;

    private Plugins(BotConfig given) {
        this.given = given;
        this.backEnds = BackEnds.of(given);
        this.sandboxPortal = PortalClients.SANDBOX.equals(given.get(Settings.PORTAL_URL));
        this.sandboxHelpdesk = SandboxHelpdeskPlugin.wanted(given);
        this.guarded = !backEnds.sandbox();
    }

    /** The production service's plug-ins for {@code config} as given (before the stand-ins fill in their settings). */
    public static Plugins standard(BotConfig config) {
        return new Plugins(config);
    }

    @Override
    public BotConfig configure(BotConfig config) {
        if (sandboxPortal) config = SandboxPortalPlugin.configure(config, guarded);
        if (sandboxHelpdesk) config = SandboxHelpdeskPlugin.configure(config);
        return config;
    }

    @Override
    public List<BotPlugin> build(Context context) {
        List<BotPlugin> built = new ArrayList<>();
        try {
            if (sandboxPortal) built.add(new SandboxPortalPlugin(context));
            if (sandboxHelpdesk) built.add(new SandboxHelpdeskPlugin(context, given, guarded));
            EnginePlugin engine = engine(context);
            built.add(engine);
            built.add(new LicenseCommands(context));
            built.add(new TicketCommands(context, engine));
            if (context.config().get(Settings.CONSOLE_ENABLED)) built.add(new ConsolePlugin(context, engine, backEnds));
            List<SlashHandler> slash = built.stream().flatMap(p -> p.slashHandlers().stream()).toList();
            List<ClickHandler> clicks = built.stream().flatMap(p -> p.clickHandlers().stream()).toList();
            built.add(new CommandsPlugin(context, engine, slash, clicks));
            return List.copyOf(built);
        } catch (RuntimeException e) {
            BotPlugin.closeAll(built);
            throw e;
        }
    }

    /** The engine with the approved actions, which bring the approval and plan effects' handlers. */
    public static EnginePlugin engine(Context context) {
        return new EnginePlugin(context, new ApprovedActions());
    }
}
