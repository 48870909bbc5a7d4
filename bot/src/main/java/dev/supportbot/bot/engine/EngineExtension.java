package dev.supportbot.bot.engine;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.inbox.Dispatcher;
import dev.supportbot.bot.plugin.ClickHandler;
import dev.supportbot.bot.portal.HttpPortalClient;
import dev.supportbot.bot.scheduler.QuartzReminders;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.zendesk.Zendesk;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A part of the bot that brings the engine more effect handlers, fact sources, click handlers and inbox sources, and
 * itself needs the engine (approvals, plan execution). The composition root hands the one extension to
 * {@link EnginePlugin}'s constructor, which asks for the fact sources before it builds the engine and attaches the rest
 * after; the registries are checked once everything is in, so a missing or doubled handler stops the service at start.
 */
public interface EngineExtension {

    default List<FactSource<?>> factSources(HttpPortalClient portal) {
        return List.of();
    }

    Attached attach(Parts parts);

    /** What the engine is made of, for an extension to build on. */
    record Parts(BotConfig config, Database database, Clock clock, Zendesk zendesk, SlackNotifier slack,
                 HttpPortalClient portal, WorkflowEngine engine, InstanceStore instances, QuartzReminders reminders) {}

    record Attached(List<EffectHandler<?>> effectHandlers, List<ClickHandler> clickHandlers,
                    Map<String, Dispatcher> dispatchers) {
        public Attached {
            effectHandlers = List.copyOf(effectHandlers);
            clickHandlers = List.copyOf(clickHandlers);
            dispatchers = Map.copyOf(dispatchers);
        }
    }
}
