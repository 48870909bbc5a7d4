package dev.supportbot.bot.engine;

import dev.supportbot.bot.zendesk.TicketUpdate;
import dev.supportbot.bot.zendesk.Zendesk;
import dev.supportbot.bot.zendesk.ZendeskComment;
import dev.supportbot.workflows.engine.Effect;
import java.util.List;

/**
 * A ticket write (comment, note, tags, status) together with the ticket writes that follow it in the decision's
 * list, as one ticket update ({@link TicketWrites}). On a retry a comment already on the ticket is not posted
 * again; the rest of the update still is (tags and statuses are idempotent).
 */
final class TicketWriteHandler<E extends Effect> implements EffectHandler<E> {
    private final Class<E> type;
    private final Zendesk zendesk;

    private TicketWriteHandler(Class<E> type, Zendesk zendesk) {
        this.type = type;
        this.zendesk = zendesk;
    }

    /** One handler for each kind of ticket write, all folding the same way. */
    static List<EffectHandler<?>> all(Zendesk zendesk) {
        return List.of(new TicketWriteHandler<>(Effect.PublicComment.class, zendesk),
                new TicketWriteHandler<>(Effect.PrivateNote.class, zendesk),
                new TicketWriteHandler<>(Effect.AddTags.class, zendesk),
                new TicketWriteHandler<>(Effect.RemoveTags.class, zendesk),
                new TicketWriteHandler<>(Effect.SetTicketStatus.class, zendesk));
    }

    @Override
    public Class<E> type() {
        return type;
    }

    @Override
    public Ran run(EffectStep step, E effect, boolean retry) {
        TicketWrites.Folded folded = TicketWrites.fold(step.effects(), step.index());
        TicketUpdate update = folded.update();
        if (retry && update.comment() != null && alreadyOnTicket(zendesk, step.ticketId(), update.comment())) update = update.withoutComment();
        zendesk.update(step.ticketId(), update);
        return new Ran(java.util.Map.of(), folded.effects(), List.of());
    }

    /** Whether the ticket has a comment with this text (white space aside): a retry's check before commenting again. */
    static boolean alreadyOnTicket(Zendesk zendesk, long ticket, String body) {
        String wanted = normalise(body);
        for (ZendeskComment comment : zendesk.commentsAfter(ticket, null, 0)) {
            if (normalise(comment.body()).equals(wanted)) return true;
        }
        return false;
    }

    private static String normalise(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
