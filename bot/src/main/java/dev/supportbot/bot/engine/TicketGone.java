package dev.supportbot.bot.engine;

import dev.supportbot.bot.outbound.OutboundException;
import java.util.function.Supplier;

/**
 * Zendesk answered 404 for the ticket an event is about: deleted (as spam), merged into another, or not visible to
 * the bot. Retrying cannot change that; the event's outcome is "ticket gone: nothing to do".
 */
final class TicketGone extends RuntimeException {
    static final String OUTCOME = "ticket gone: nothing to do";

    TicketGone(long ticketId) {
        super("ticket " + ticketId + " is gone");
    }

    /** A read of ticket {@code ticketId} itself, its 404 turned into {@link TicketGone}. */
    static <T> T read(long ticketId, Supplier<T> read) {
        try {
            return read.get();
        } catch (OutboundException e) {
            if (e.failure() == OutboundException.Failure.NOT_FOUND) throw new TicketGone(ticketId);
            throw e;
        }
    }
}
