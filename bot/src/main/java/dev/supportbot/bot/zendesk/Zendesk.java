package dev.supportbot.bot.zendesk;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.outbound.Sleeper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What the bot reads from and writes to Zendesk. Every text written to a ticket is scrubbed of secrets first. Calls
 * that are rate limited wait as Zendesk asks (a bounded number of times), and ticket writes stay under
 * {@code BOT_ZENDESK_UPDATES_PER_MINUTE}. Failures are {@link OutboundException}s.
 */
public interface Zendesk extends AutoCloseable {

    ZendeskTicket ticket(long ticketId);

    ZendeskUser user(long userId);

    /**
     * The ticket's comments with an id greater than {@code afterCommentId}, oldest first (0: all of them). Takes the
     * ticket already read, whose requester tells which comments are the requester's.
     */
    List<ZendeskComment> commentsAfter(ZendeskTicket ticket, long afterCommentId);

    /** The same, for a caller that has not read the ticket yet. */
    default List<ZendeskComment> commentsAfter(long ticketId, long afterCommentId) {
        return commentsAfter(ticket(ticketId), afterCommentId);
    }

    void addPublicComment(long ticketId, String body);

    void addPrivateNote(long ticketId, String body);

    void addTags(long ticketId, Collection<String> tags);

    void removeTags(long ticketId, Collection<String> tags);

    void setStatus(long ticketId, TicketStatus status);

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
     * The Zendesk of the configuration; when {@code BOT_ZENDESK_URL}, {@code BOT_ZENDESK_EMAIL} or
     * {@code BOT_ZENDESK_TOKEN} is missing, one whose every call fails with {@code NOT_CONFIGURED} naming them.
     */
    static Zendesk fromConfig(BotConfig config) {
        return fromConfig(config, Clock.systemUTC(), Sleeper.SYSTEM);
    }

    static Zendesk fromConfig(BotConfig config, Clock clock, Sleeper sleeper) {
        List<String> missing = new ArrayList<>();
        if (config.get(Settings.ZENDESK_URL) == null) missing.add(Settings.ZENDESK_URL.env());
        if (config.get(Settings.ZENDESK_EMAIL) == null) missing.add(Settings.ZENDESK_EMAIL.env());
        if (config.get(Settings.ZENDESK_TOKEN) == null) missing.add(Settings.ZENDESK_TOKEN.env());
        if (!missing.isEmpty()) return new UnconfiguredZendesk(missing);
        ZendeskAccount account = new ZendeskAccount(
                config.get(Settings.ZENDESK_URL), config.get(Settings.ZENDESK_EMAIL), config.get(Settings.ZENDESK_TOKEN));
        return new ZendeskAdapter(account, config.get(Settings.ZENDESK_UPDATES_PER_MINUTE), clock, sleeper);
    }
}
