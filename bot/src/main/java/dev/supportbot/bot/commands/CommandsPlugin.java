package dev.supportbot.bot.commands;

import dev.supportbot.bot.BotPlugin;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.engine.EnginePlugin;
import dev.supportbot.bot.inbox.Dispatcher;
import dev.supportbot.bot.slack.SlackCommands;
import dev.supportbot.bot.slack.SlackNotifier;
import java.util.List;
import java.util.Map;

/**
 * Routes the stored Slack events ({@code /lnr} commands and clicks) of the engine's workflows and of the plug-ins
 * given to it ({@link BotPlugin#slashHandlers()}, {@link BotPlugin#clickHandlers()}). Initialised after them.
 */
public final class CommandsPlugin implements BotPlugin {
    private final EnginePlugin engine;
    private final List<BotPlugin> registrars;
    private CommandRouter router;
    private SlackNotifier slack;

    public CommandsPlugin(EnginePlugin engine, List<BotPlugin> registrars) {
        this.engine = engine;
        this.registrars = List.copyOf(registrars);
    }

    @Override
    public void init(SupportBot.Context context) {
        slack = SlackNotifier.fromConfig(context.config());
        Agents agents = new Agents(context.config().get(Settings.SLACK_AGENTS), context.config().get(Settings.SLACK_AGENT_GROUP), slack);
        router = CommandRouter.of(engine.engine(), engine.instances(), context.clock(), agents,
                registrars.stream().flatMap(p -> p.slashHandlers().stream()).toList(),
                registrars.stream().flatMap(p -> p.clickHandlers().stream()).toList());
    }

    @Override
    public Map<String, Dispatcher> dispatchers() {
        return Map.of(SlackCommands.SOURCE, router);
    }

    @Override
    public void close() {
        if (slack != null) slack.close();
    }
}
