package dev.supportbot.bot.zendesk;

import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.outbound.OutboundException.Failure;
import java.util.List;

/** Stands in when Zendesk settings are missing: the bot still starts, and each call says what to set. */
final class UnconfiguredZendesk implements Zendesk {
    private final String message;

    UnconfiguredZendesk(List<String> missing) {
        this.message = "Zendesk is not configured: set " + String.join(", ", missing);
    }

    private OutboundException fail() {
        return new OutboundException(Failure.NOT_CONFIGURED, message);
    }

    @Override
    public ZendeskTicket ticket(long ticketId) {
        throw fail();
    }

    @Override
    public ZendeskUser user(long userId) {
        throw fail();
    }

    @Override
    public List<ZendeskComment> commentsAfter(long ticketId, Long requesterId, long afterCommentId) {
        throw fail();
    }

    @Override
    public void update(long ticketId, TicketUpdate update) {
        throw fail();
    }

    @Override
    public long createTicket(NewTicket ticket, String idempotencyKey) {
        throw fail();
    }

    @Override
    public Redaction redact(long ticketId, long commentId, List<String> secrets) {
        throw fail();
    }

    @Override
    public void close() {}
}
