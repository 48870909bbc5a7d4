package dev.supportbot.bot.engine;

import dev.supportbot.bot.shadow.ShadowLedger;
import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.bot.zendesk.TicketUpdate;
import dev.supportbot.bot.zendesk.Zendesk;
import dev.supportbot.workflows.engine.Effect;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Shadow mode, as one decorator of the effect handlers chosen at the composition root: each live handler is kept,
 * replaced or trimmed as {@link InShadow} says for its effect. A decision's noted effects become one private note,
 * posted when the first of them runs, with one post in Slack for the agents to rate ({@link ShadowRatingPost}),
 * recorded before it is posted; the others post nothing and give the workflow a simulated result.
 */
final class ShadowHandlers {
    private ShadowHandlers() {}

    static List<EffectHandler<?>> wrap(List<EffectHandler<?>> live, Zendesk zendesk, SlackNotifier slack, TicketLinks links,
            ShadowLedger ledger, Clock clock) {
        InShadow.checkAll();
        Outside outside = new Outside(zendesk, slack, links, ledger, clock);
        List<EffectHandler<?>> wrapped = new ArrayList<>();
        for (EffectHandler<?> handler : live) wrapped.add(wrap(handler, outside));
        return wrapped;
    }

    /** What the noted effects reach instead of acting: the ticket's notes, the agents' channel, the ledger. */
    private record Outside(Zendesk zendesk, SlackNotifier slack, TicketLinks links, ShadowLedger ledger, Clock clock) {}

    @SuppressWarnings("unchecked")
    private static <E extends Effect> EffectHandler<?> wrap(EffectHandler<E> handler, Outside outside) {
        return switch (InShadow.of(handler.type())) {
            case RUN -> handler;
            case INFORM -> new WithoutButtons((EffectHandler<Effect.SlackMessage>) handler);
            case DESCRIBE, NOTE -> new Noted<>(handler.type(), outside);
        };
    }

    /** A Slack post for agents, without the buttons that would let them act on the run. */
    private record WithoutButtons(EffectHandler<Effect.SlackMessage> live) implements EffectHandler<Effect.SlackMessage> {
        @Override
        public Class<Effect.SlackMessage> type() {
            return Effect.SlackMessage.class;
        }

        @Override
        public Ran run(EffectStep step, Effect.SlackMessage effect, boolean retry) {
            return live.run(step, new Effect.SlackMessage(effect.text(), effect.title(), effect.fields(), List.of()), retry);
        }
    }

    /** An effect that goes into the decision's note instead of reaching outside. */
    private record Noted<E extends Effect>(Class<E> type, Outside outside) implements EffectHandler<E> {
        @Override
        public Ran run(EffectStep step, E effect, boolean retry) {
            if (step.index() == firstNoted(step.effects())) {
                String note = ShadowNote.of(step.effects());
                Zendesk zendesk = outside.zendesk();
                if (note != null && !(retry && TicketWriteHandler.alreadyOnTicket(zendesk, step.ticketId(), note))) {
                    zendesk.update(step.ticketId(), TicketUpdate.privateNote(note));
                }
                postForRating(step, retry);
            }
            AuditLog.Entry audit = new AuditLog.Entry(outside.clock().instant(), "supportbot", "shadow", step.ticketId(), step.instanceId(),
                    "not carried out (shadow mode): " + SealedTypes.name(effect.getClass()));
            return new Ran(ShadowResults.of(step, effect), 1, List.of(audit));
        }

        /** The decision's post, recorded first and keyed by the step, so that a retry finds both again. */
        private void postForRating(EffectStep step, boolean retry) {
            int actions = ShadowRatingPost.actions(step.effects());
            if (step.instanceId() == null || actions == 0) return;
            long decision = outside.ledger().record(new ShadowLedger.Decision(step.key(), step.instanceId(), step.ticketId(),
                    actions, outside.clock().instant()));
            SlackMessage post = ShadowRatingPost.render(step.effects(), decision, step.ticketId(), outside.links().of(step.ticketId()));
            if (post != null) outside.slack().postOnce(post.withKey(SlackMessageHandler.key(step)), retry);
        }

        private static int firstNoted(List<Effect> effects) {
            for (int i = 0; i < effects.size(); i++) if (InShadow.of(effects.get(i)).noted()) return i;
            return -1;
        }
    }
}
