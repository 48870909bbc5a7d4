package dev.supportbot.bot.helpdesk;

import dev.supportbot.bot.helpdesk.ZendeskRecords.Change;
import dev.supportbot.bot.helpdesk.ZendeskRecords.Comment;
import dev.supportbot.bot.helpdesk.ZendeskRecords.NewComment;
import dev.supportbot.bot.helpdesk.ZendeskRecords.Ticket;
import dev.supportbot.bot.helpdesk.ZendeskRecords.Update;
import dev.supportbot.bot.helpdesk.ZendeskRecords.User;
import dev.supportbot.bot.store.UniqueViolation;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * The Zendesk stand-in's operations, each one transaction, whoever calls them (the bot through the API, a person
 * through the API on behalf of a user). Every committed ticket change is handed to {@code changes} afterwards: the
 * trigger decides whether it fires.
 */
final class SandboxZendesk {
    static final List<String> STATUSES = List.of("new", "open", "pending", "hold", "solved", "closed");
    private static final Pattern REDACT = Pattern.compile("<redact>(.*?)</redact>", Pattern.DOTALL);
    private static final String REDACTED = "▇";

    /** A new ticket as the API takes it; requester by id, or by email (created when unknown). */
    record NewTicket(String subject, Long requesterId, String requesterName, String requesterEmail, NewComment comment,
                     List<String> tags, String status, String externalId) {}

    /** The answer to a creation: the ticket, and whether it was an idempotent replay. */
    record Created(Ticket ticket, boolean replayed) {}

    private final Jdbi jdbi;
    private final ZendeskStore store;
    private final Clock clock;
    private final Consumer<Change> changes;

    SandboxZendesk(Jdbi jdbi, ZendeskStore store, Clock clock, Consumer<Change> changes) {
        this.jdbi = jdbi;
        this.store = store;
        this.clock = clock;
        this.changes = changes;
    }

    ZendeskStore store() {
        return store;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    Ticket ticket(long id) {
        return jdbi.withHandle(h -> store.ticket(h, id)).orElseThrow(() -> ZendeskError.notFound("ticket " + id));
    }

    Created create(User actor, NewTicket ticket, String idempotencyKey, String requestHash) {
        try {
            Created created = jdbi.inTransaction(h -> {
                if (idempotencyKey != null) {
                    Optional<Created> earlier = replay(h, idempotencyKey, requestHash);
                    if (earlier.isPresent()) return earlier.get();
                }
                long requesterId = requester(h, actor, ticket);
                NewComment first = new NewComment(actor.id(), ticket.comment().isPublic(), ticket.comment().body(),
                        ticket.comment().attachmentNames());
                long id = store.createTicket(h, ticket.subject(), requesterId, first, ticket.tags(), ticket.status(), ticket.externalId());
                if (idempotencyKey != null) {
                    h.createUpdate("""
                                    INSERT INTO sandbox_zd_idempotency (idempotency_key, request_hash, ticket_id, created_at)
                                    VALUES (:key, :hash, :ticket, :now)""")
                            .bind("key", idempotencyKey).bind("hash", requestHash).bind("ticket", id)
                            .bind("now", clock.instant().atOffset(ZoneOffset.UTC)).execute();
                }
                return new Created(store.ticket(h, id).orElseThrow(), false);
            });
            if (!created.replayed()) changes.accept(new Change(created.ticket().id(), true, actor.email(), actor.name()));
            return created;
        } catch (RuntimeException e) {
            // Two requests with one key at once: the loser answers as a replay of the winner.
            if (idempotencyKey == null || !UniqueViolation.isCause(e)) throw e;
            return jdbi.withHandle(h -> replay(h, idempotencyKey, requestHash)).orElseThrow(() -> e);
        }
    }

    Ticket update(User actor, long ticketId, Update update) {
        Ticket ticket = jdbi.inTransaction(h -> {
            if (update.comment() != null && update.comment().authorId() != actor.id()
                    && store.user(h, update.comment().authorId()).isEmpty()) {
                throw ZendeskError.invalid("comment author " + update.comment().authorId() + " does not exist");
            }
            String before = store.lockedStatus(h, ticketId).orElseThrow(() -> ZendeskError.notFound("ticket " + ticketId));
            Update moved = update.status() != null || update.isEmpty() ? update
                    : update.withStatus(statusAfter(before, author(h, actor, update), update.comment()));
            if (!store.update(h, ticketId, moved)) throw ZendeskError.notFound("ticket " + ticketId);
            return store.ticket(h, ticketId).orElseThrow();
        });
        if (!update.isEmpty()) changes.accept(new Change(ticketId, false, actor.email(), actor.name()));
        return ticket;
    }

    /**
     * The status a change that names none leaves, as Zendesk moves it: a public reply by an agent waits on the requester
     * (pending); any other agent change takes a new ticket on (open); the requester's reply reopens a pending, on-hold
     * or solved ticket. Closed stays closed.
     */
    static String statusAfter(String current, User author, NewComment comment) {
        boolean agent = "agent".equals(author.role());
        if (current.equals("closed")) return current;
        if (agent && comment != null && comment.isPublic()) return "pending";
        if (agent) return current.equals("new") ? "open" : current;
        if (comment != null && List.of("pending", "hold", "solved").contains(current)) return "open";
        return current;
    }

    /** Who made the change: the comment's author when it has one, else the caller. */
    private User author(org.jdbi.v3.core.Handle h, User actor, Update update) {
        if (update.comment() == null || update.comment().authorId() == actor.id()) return actor;
        return store.user(h, update.comment().authorId()).orElse(actor);
    }

    /** {@code comment_redactions}: each {@code <redact>} part of the given HTML is removed from the comment's text. */
    Comment redactMarked(User actor, long ticketId, long commentId, String markedHtml) {
        Matcher m = REDACT.matcher(markedHtml);
        List<String> parts = m.results().map(r -> ZendeskJson.unescapeHtml(r.group(1))).filter(p -> !p.isEmpty()).toList();
        if (parts.isEmpty()) throw ZendeskError.invalid("html_body marks nothing to redact");
        return redact(actor, ticketId, commentId, parts);
    }

    /** The older {@code redact.json}: one text removed from the comment. */
    Comment redactText(User actor, long ticketId, long commentId, String text) {
        if (text == null || text.isEmpty()) throw ZendeskError.invalid("text is required");
        return redact(actor, ticketId, commentId, List.of(text));
    }

    private Comment redact(User actor, long ticketId, long commentId, List<String> parts) {
        Comment redacted = jdbi.inTransaction(h -> {
            Comment comment = store.comment(h, commentId).filter(c -> c.ticketId() == ticketId)
                    .orElseThrow(() -> ZendeskError.notFound("comment " + commentId + " of ticket " + ticketId));
            String body = comment.body();
            for (String part : parts) {
                if (!body.contains(part)) throw ZendeskError.invalid("the text to redact is not in comment " + commentId);
                body = body.replace(part, REDACTED);
            }
            store.replaceCommentBody(h, comment, body);
            return store.comment(h, commentId).orElseThrow();
        });
        changes.accept(new Change(ticketId, false, actor.email(), actor.name()));
        return redacted;
    }

    private long requester(org.jdbi.v3.core.Handle h, User actor, NewTicket ticket) {
        if (ticket.requesterId() != null) {
            return store.user(h, ticket.requesterId()).map(User::id)
                    .orElseThrow(() -> ZendeskError.invalid("requester " + ticket.requesterId() + " does not exist"));
        }
        if (ticket.requesterEmail() != null) return store.endUser(h, ticket.requesterName(), ticket.requesterEmail()).id();
        return actor.id();
    }

    private Optional<Created> replay(org.jdbi.v3.core.Handle h, String key, String requestHash) {
        return h.createQuery("SELECT request_hash, ticket_id FROM sandbox_zd_idempotency WHERE idempotency_key = :key")
                .bind("key", key)
                .map((rs, ctx) -> {
                    if (!rs.getString("request_hash").equals(requestHash)) {
                        throw new ZendeskError(400, "IdempotentRequestError",
                                "this Idempotency-Key was already used for a different request");
                    }
                    return new Created(store.ticket(h, rs.getLong("ticket_id")).orElseThrow(), true);
                })
                .findOne();
    }
}
