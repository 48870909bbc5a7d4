package dev.supportbot.bot.engine;

import dev.supportbot.bot.zendesk.Zendesk;
import dev.supportbot.bot.zendesk.ZendeskComment;
import dev.supportbot.bot.zendesk.ZendeskTicket;
import java.util.List;

/** A ticket's comments for one dispatch: fetched once, from the oldest cursor asked for, and shared. */
public final class TicketComments {
    private final Zendesk zendesk;
    private final ZendeskTicket ticket;
    private long fetchedAfter = Long.MAX_VALUE;
    private List<ZendeskComment> fetched = List.of();

    public TicketComments(Zendesk zendesk, ZendeskTicket ticket) {
        this.zendesk = zendesk;
        this.ticket = ticket;
    }

    public List<ZendeskComment> after(long cursor) {
        if (cursor < fetchedAfter) {
            fetched = zendesk.commentsAfter(ticket, cursor);
            fetchedAfter = cursor;
        }
        return fetched.stream().filter(c -> c.id() > cursor).toList();
    }

    public static long lastId(List<ZendeskComment> comments, long otherwise) {
        return comments.stream().mapToLong(ZendeskComment::id).max().orElse(otherwise);
    }
}
