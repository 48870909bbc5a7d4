package dev.supportbot.bot.engine;

import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.workflows.engine.Effect;

/** A message in the team's channel, followed by the link to the instance's ticket. */
final class SlackMessageHandler implements EffectHandler<Effect.SlackMessage> {
    private final SlackNotifier slack;
    private final TicketLinks links;

    SlackMessageHandler(SlackNotifier slack, TicketLinks links) {
        this.slack = slack;
        this.links = links;
    }

    @Override
    public Class<Effect.SlackMessage> type() {
        return Effect.SlackMessage.class;
    }

    @Override
    public Ran run(EffectStep step, Effect.SlackMessage effect, boolean retry) {
        slack.post(SlackMessage.text(effect.text() + "\n" + links.of(step.ticketId())));
        return Ran.done();
    }
}
