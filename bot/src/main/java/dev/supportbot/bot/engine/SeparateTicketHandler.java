package dev.supportbot.bot.engine;

import dev.supportbot.bot.zendesk.NewTicket;
import dev.supportbot.bot.zendesk.Zendesk;
import dev.supportbot.workflows.engine.Effect;
import java.util.List;
import java.util.Map;

/**
 * A new ticket to someone who must not see the instance's ticket, opened under the step's key (Zendesk's
 * {@code external_id} and {@code Idempotency-Key}), so a retry after a lost answer finds it instead of opening another.
 */
final class SeparateTicketHandler implements EffectHandler<Effect.OpenSeparateTicket> {
    /** Tag on tickets the bot opens to someone else, so their replies can be told apart in views. */
    static final String LINKED_TICKET_TAG = "supportbot_linked_ticket";

    private final Zendesk zendesk;

    SeparateTicketHandler(Zendesk zendesk) {
        this.zendesk = zendesk;
    }

    @Override
    public Class<Effect.OpenSeparateTicket> type() {
        return Effect.OpenSeparateTicket.class;
    }

    @Override
    public Ran run(EffectStep step, Effect.OpenSeparateTicket effect, boolean retry) {
        long id = zendesk.createTicket(new NewTicket(effect.recipientName(), effect.recipientEmail(), effect.subject(),
                effect.body(), List.of(LINKED_TICKET_TAG)), step.key());
        return Ran.with(Map.of(Effect.OpenSeparateTicket.TICKET_ID, Long.toString(id)));
    }
}
