package dev.supportbot.bot.console;

import dev.supportbot.bot.config.BackEnds;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.engine.EnginePlugin;
import dev.supportbot.bot.http.HttpRoutes;
import dev.supportbot.bot.plugin.BotPlugin;
import dev.supportbot.bot.plugin.Context;
import dev.supportbot.bot.runs.RunCommands;
import dev.supportbot.bot.zendesk.ZendeskAccount;
import java.util.ArrayList;
import java.util.List;

/**
 * The web console at {@code /}: the operator view in every mode (behind {@code BOT_CONSOLE_TOKEN} outside sandbox
 * mode), and in sandbox mode the helpdesk a person can use: tickets, comments and macros through the Zendesk
 * stand-in, the Slack channel with its buttons, and the sandbox portal's state.
 */
public final class ConsolePlugin implements BotPlugin {
    private final List<HttpRoutes> routes = new ArrayList<>();

    /** {@code backEnds}: from the configuration as given, before the stand-ins fill in their URLs. */
    public ConsolePlugin(Context context, EnginePlugin engine, BackEnds backEnds) {
        boolean sandbox = backEnds.sandbox();
        BotConfig config = context.config();
        ConsoleAccess access = ConsoleAccess.of(sandbox, config.get(Settings.CONSOLE_TOKEN));
        ConsolePages pages = new ConsolePages(backEnds, config.get(Settings.MODE));
        OperatorData operator = new OperatorData(context.database().jdbi(),
                RunCommands.runs(engine.engine(), engine.instances(), context.database(), engine.reminders()::next),
                context.inbox(), context.metrics());
        routes.add(new OperatorRoutes(access, pages, operator, context.wakeUp()));
        if (sandbox) {
            StandInClient standIns = new StandInClient(new ZendeskAccount(config.get(Settings.ZENDESK_URL),
                    config.get(Settings.ZENDESK_EMAIL), config.get(Settings.ZENDESK_TOKEN)), context::localBaseUrl);
            routes.add(new HelpdeskRoutes(pages, new HelpdeskData(context.database().jdbi(), config.get(Settings.ZENDESK_EMAIL)), standIns, ConsoleMacros.bundled(),
                    config.get(Settings.SLACK_CHANNEL)));
        }
    }

    @Override
    public List<HttpRoutes> routes() {
        return List.copyOf(routes);
    }
}
