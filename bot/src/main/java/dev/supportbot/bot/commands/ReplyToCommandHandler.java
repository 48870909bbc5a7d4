package dev.supportbot.bot.commands;

import dev.supportbot.bot.engine.EffectHandler;
import dev.supportbot.bot.engine.EffectStep;
import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.workflows.engine.Effect;

/**
 * Sends a command's answer through its Slack response URL, visible only to whoever gave the command. A retry may
 * answer twice (Slack takes up to 5 answers per URL); a lost answer is worse.
 */
public final class ReplyToCommandHandler implements EffectHandler<Effect.ReplyToCommand> {
    private final SlackNotifier slack;

    public ReplyToCommandHandler(SlackNotifier slack) {
        this.slack = slack;
    }

    @Override
    public Class<Effect.ReplyToCommand> type() {
        return Effect.ReplyToCommand.class;
    }

    @Override
    public Ran run(EffectStep step, Effect.ReplyToCommand effect, boolean retry) {
        slack.respond(effect.replyTo(), SlackMessage.text(effect.text()));
        return Ran.done();
    }
}
