package dev.supportbot.bot.engine;

import dev.supportbot.bot.zendesk.Zendesk;
import dev.supportbot.bot.zendesk.ZendeskComment;
import dev.supportbot.bot.zendesk.ZendeskTicket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A ticket's comments for one dispatch: told by the webhook when it tells all that is new after the cursor asked for
 * ({@link WebhookComment}: no read), otherwise fetched once, from the oldest cursor asked for, and shared. A comment
 * keeps the text it had when first fetched: redaction runs before the workflows, and a later fetch from an older
 * cursor must not hand them the redacted text of a comment they have not read yet (a told comment holds no secret).
 */
public final class TicketComments {
    private final Zendesk zendesk;
    private final ZendeskTicket ticket;
    private final Optional<WebhookComment> told;
    private long fetchedAfter = Long.MAX_VALUE;
    private final Map<Long, ZendeskComment> fetched = new TreeMap<>(); // by id: oldest first

    public TicketComments(Zendesk zendesk, ZendeskTicket ticket) {
        this(zendesk, ticket, Optional.empty());
    }

    TicketComments(Zendesk zendesk, ZendeskTicket ticket, Optional<WebhookComment> told) {
        this.zendesk = zendesk;
        this.ticket = ticket;
        this.told = told;
    }

    public List<ZendeskComment> after(long cursor) {
        if (cursor < fetchedAfter) {
            Long requester = ticket.requester() == null ? null : ticket.requester().id();
            Optional<List<ZendeskComment>> said = told.flatMap(t -> t.after(cursor, requester));
            if (said.isPresent()) return said.get();
        }
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
