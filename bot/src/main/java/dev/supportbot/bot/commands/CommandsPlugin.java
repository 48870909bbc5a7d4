package dev.supportbot.bot.commands;

import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.engine.EnginePlugin;
import dev.supportbot.bot.inbox.Dispatcher;
import dev.supportbot.bot.plugin.BotPlugin;
import dev.supportbot.bot.plugin.ClickHandler;
import dev.supportbot.bot.plugin.Context;
import dev.supportbot.bot.plugin.SlashHandler;
import dev.supportbot.bot.slack.SlackCommands;
import dev.supportbot.bot.slack.SlackNotifier;
import java.util.List;
import java.util.Map;

/**
 * Routes the stored Slack events ({@code /lnr} commands and clicks) to the engine's workflows and to the handlers
 * given to it, which the composition root gathers from the other plug-ins. A clash of sub-command names or action
 * ids stops it from being built.
 */
public final class CommandsPlugin implements BotPlugin {
    private final CommandRouter router;
    private final SlackNotifier slack;

    public CommandsPlugin(Context context, EnginePlugin engine, List<SlashHandler> slashHandlers,
            List<ClickHandler> clickHandlers) {
        slack = SlackNotifier.fromConfig(context.config());
        try {
            Agents agents = new Agents(context.config().get(Settings.SLACK_AGENTS),
                    context.config().get(Settings.SLACK_AGENT_GROUP), slack);
            router = CommandRouter.of(engine.engine(), engine.instances(), context.clock(), agents, slashHandlers,
                    clickHandlers);
        } catch (RuntimeException e) {
            slack.close();
            throw e;
        }
    }

    @Override
    public Map<String, Dispatcher> dispatchers() {
        return Map.of(SlackCommands.SOURCE, router);
    }

    @Override
    public void close() {
        slack.close();
    }
}
