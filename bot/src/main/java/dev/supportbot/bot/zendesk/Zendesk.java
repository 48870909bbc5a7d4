package dev.supportbot.bot.zendesk;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.outbound.Sleeper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What the bot reads from and writes to Zendesk. Every text written to a ticket is scrubbed of secrets first. Calls
 * that are rate limited wait as Zendesk asks (a bounded number of times), and all requests stay within the
 * {@link ApiBudget} every instance shares. Failures are {@link OutboundException}s.
 */
public interface Zendesk extends AutoCloseable {

    ZendeskTicket ticket(long ticketId);

    ZendeskUser user(long userId);

    /**
     * The ticket's comments with an id greater than {@code afterCommentId}, oldest first (0: all of them), newest
     * pages first so that only the pages holding new comments are read. {@code requesterId} (may be null) tells which
     * comments are the requester's.
     */
    List<ZendeskComment> commentsAfter(long ticketId, Long requesterId, long afterCommentId);

    default List<ZendeskComment> commentsAfter(ZendeskTicket ticket, long afterCommentId) {
        return commentsAfter(ticket.id(), ticket.requester() == null ? null : ticket.requester().id(), afterCommentId);
    }

    /** Applies {@code update} as one ticket update; its comment is scrubbed of secrets first. */
    void update(long ticketId, TicketUpdate update);

    default void addPublicComment(long ticketId, String body) {
        update(ticketId, TicketUpdate.publicComment(body));
    }

    default void addPrivateNote(long ticketId, String body) {
        update(ticketId, TicketUpdate.privateNote(body));
    }

    default void addTags(long ticketId, Collection<String> tags) {
        update(ticketId, TicketUpdate.NONE.adding(tags));
    }

    default void removeTags(long ticketId, Collection<String> tags) {
        update(ticketId, TicketUpdate.NONE.removing(tags));
    }

    default void setStatus(long ticketId, TicketStatus status) {
        update(ticketId, TicketUpdate.NONE.withStatus(status));
    }

    /**
     * Opens a ticket to another person and returns its id. The ticket carries {@code idempotencyKey} as its
     * {@code external_id} (and as Zendesk's {@code Idempotency-Key}); a ticket already opened under that key, by an
     * earlier attempt whose answer was lost, is returned instead of opening a second.
     */
    long createTicket(NewTicket ticket, String idempotencyKey);

    /**
     * Removes each of {@code secrets} (exact text found in the comment's plain body) from the comment, through
     * Zendesk's comment redaction, or the older redact endpoint where that is not available. Secrets no longer in
     * the comment are skipped, so calling this again after a success does nothing.
     */
    Redaction redact(long ticketId, long commentId, List<String> secrets);

    @Override
    void close();

    /**
     * The Zendesk of the configuration, its requests within {@code budget}; when
     * {@code BOT_ZENDESK_URL}, {@code BOT_ZENDESK_EMAIL} or {@code BOT_ZENDESK_TOKEN} is missing, one whose every
     * call fails with {@code NOT_CONFIGURED} naming them.
     */
    static Zendesk fromConfig(BotConfig config, ApiBudget budget, Sleeper sleeper, ZendeskMeter meter) {
        List<String> missing = new ArrayList<>();
        // "sandbox" is left as it is only where no sandbox stand-in runs to replace it with its own URL.
        String url = config.get(Settings.ZENDESK_URL);
        if (url == null || url.equals("sandbox")) missing.add(Settings.ZENDESK_URL.env());
        if (config.get(Settings.ZENDESK_EMAIL) == null) missing.add(Settings.ZENDESK_EMAIL.env());
        if (config.get(Settings.ZENDESK_TOKEN) == null) missing.add(Settings.ZENDESK_TOKEN.env());
        if (!missing.isEmpty()) return new UnconfiguredZendesk(missing);
        ZendeskAccount account = new ZendeskAccount(
                config.get(Settings.ZENDESK_URL), config.get(Settings.ZENDESK_EMAIL), config.get(Settings.ZENDESK_TOKEN));
        return new ZendeskAdapter(account, budget, sleeper, meter);
    }
}
