package dev.supportbot.bot.engine;

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
 * posted when the first of them runs; the others post nothing and give the workflow a simulated result.
 */
final class ShadowHandlers {
    private ShadowHandlers() {}

    static List<EffectHandler<?>> wrap(List<EffectHandler<?>> live, Zendesk zendesk, SlackNotifier slack, TicketLinks links, Clock clock) {
        InShadow.checkAll();
        List<EffectHandler<?>> wrapped = new ArrayList<>();
        for (EffectHandler<?> handler : live) wrapped.add(wrap(handler, zendesk, slack, links, clock));
        return wrapped;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Effect> EffectHandler<?> wrap(EffectHandler<E> handler, Zendesk zendesk, SlackNotifier slack,
            TicketLinks links, Clock clock) {
        return switch (InShadow.of(handler.type())) {
            case RUN -> handler;
            case INFORM -> new WithoutButtons((EffectHandler<Effect.SlackMessage>) handler);
            case DESCRIBE, NOTE -> new Noted<>(handler.type(), zendesk, slack, links, clock);
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
    private record Noted<E extends Effect>(Class<E> type, Zendesk zendesk, SlackNotifier slack, TicketLinks links, Clock clock)
            implements EffectHandler<E> {
        @Override
        public Ran run(EffectStep step, E effect, boolean retry) {
            if (step.index() == firstNoted(step.effects())) {
                String note = ShadowNote.of(step.effects());
                if (note != null && !(retry && TicketWriteHandler.alreadyOnTicket(zendesk, step.ticketId(), note))) {
                    zendesk.update(step.ticketId(), TicketUpdate.privateNote(note));
                }
            }
            if (effect instanceof Effect.RequestApproval approval) {
                slack.post(ShadowPlanPost.render(approval.plan(), links.of(approval.plan().ticketId())));
            }
            AuditLog.Entry audit = new AuditLog.Entry(clock.instant(), "supportbot", "shadow", step.ticketId(), step.instanceId(),
                    "not carried out (shadow mode): " + SealedTypes.name(effect.getClass()));
            return new Ran(ShadowResults.of(step, effect), 1, List.of(audit));
        }

        private static int firstNoted(List<Effect> effects) {
            for (int i = 0; i < effects.size(); i++) if (InShadow.of(effects.get(i)).noted()) return i;
            return -1;
        }
    }
}
