package dev.supportbot.bot.engine;

import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.workflows.engine.Effect;

/** An answer to whoever gave a command, through the Slack response URL the command came with. */
final class ReplyToCommandHandler implements EffectHandler<Effect.ReplyToCommand> {
    private final SlackNotifier slack;

    ReplyToCommandHandler(SlackNotifier slack) {
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
