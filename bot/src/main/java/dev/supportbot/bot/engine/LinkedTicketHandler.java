package dev.supportbot.bot.engine;

import dev.supportbot.bot.zendesk.TicketStatus;
import dev.supportbot.bot.zendesk.TicketUpdate;
import dev.supportbot.bot.zendesk.Zendesk;
import dev.supportbot.workflows.engine.Effect;
import java.util.Locale;

/**
 * A public comment and a status on a separate ticket the workflow opened (the Sold To contact's approval request),
 * as one ticket update. A retry does not post a comment already there; the status is idempotent.
 */
final class LinkedTicketHandler implements EffectHandler<Effect.UpdateLinkedTicket> {
    private final Zendesk zendesk;

    LinkedTicketHandler(Zendesk zendesk) {
        this.zendesk = zendesk;
    }

    @Override
    public Class<Effect.UpdateLinkedTicket> type() {
        return Effect.UpdateLinkedTicket.class;
    }

    @Override
    public Ran run(EffectStep step, Effect.UpdateLinkedTicket effect, boolean retry) {
        TicketUpdate update = TicketUpdate.NONE;
        if (effect.publicComment() != null
                && !(retry && TicketWriteHandler.alreadyOnTicket(zendesk, effect.ticketId(), effect.publicComment()))) {
            update = update.withComment(effect.publicComment(), true);
        }
        if (effect.status() != null) update = update.withStatus(TicketStatus.valueOf(effect.status().toUpperCase(Locale.ROOT)));
        if (!update.isEmpty()) zendesk.update(effect.ticketId(), update);
        return Ran.done();
    }
}
