package dev.supportbot.bot.engine;

import dev.supportbot.bot.zendesk.Zendesk;
import dev.supportbot.bot.zendesk.ZendeskComment;
import dev.supportbot.bot.zendesk.ZendeskTicket;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A ticket's comments for one dispatch: fetched once, from the oldest cursor asked for, and shared. A comment keeps
 * the text it had when first fetched: redaction runs before the workflows, and a later fetch from an older cursor
 * must not hand them the redacted text of a comment they have not read yet.
 */
public final class TicketComments {
    private final Zendesk zendesk;
    private final ZendeskTicket ticket;
    private long fetchedAfter = Long.MAX_VALUE;
    private final Map<Long, ZendeskComment> fetched = new TreeMap<>(); // by id: oldest first

    public TicketComments(Zendesk zendesk, ZendeskTicket ticket) {
        this.zendesk = zendesk;
        this.ticket = ticket;
    }

    public List<ZendeskComment> after(long cursor) {
        if (cursor < fetchedAfter) {
            for (ZendeskComment comment : TicketGone.read(ticket.id(), () -> zendesk.commentsAfter(ticket, cursor))) {
                fetched.putIfAbsent(comment.id(), comment);
            }
            fetchedAfter = cursor;
        }
        return fetched.values().stream().filter(c -> c.id() > cursor).toList();
    }

    public static long lastId(List<ZendeskComment> comments, long otherwise) {
        return comments.stream().mapToLong(ZendeskComment::id).max().orElse(otherwise);
    }
}
