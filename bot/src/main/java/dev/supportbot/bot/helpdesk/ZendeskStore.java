package dev.supportbot.bot.helpdesk;

import dev.supportbot.workflows.redaction.SecretScanner;
import dev.supportbot.bot.helpdesk.ZendeskRecords.Attachment;
import dev.supportbot.bot.helpdesk.ZendeskRecords.Comment;
import dev.supportbot.bot.helpdesk.ZendeskRecords.NewComment;
import dev.supportbot.bot.helpdesk.ZendeskRecords.Ticket;
import dev.supportbot.bot.helpdesk.ZendeskRecords.Update;
import dev.supportbot.bot.helpdesk.ZendeskRecords.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The Zendesk stand-in's tables: users, tickets with their tags, comments with their attachments' names. Subjects and
 * user names are stored with secrets masked: they are in the bot's own database, and nothing redacts them later
 * (comments are redacted by the bot through the API, as in Zendesk).
 */
final class ZendeskStore {
    private final Clock clock;

    ZendeskStore(Clock clock) {
        this.clock = clock;
    }

    boolean isEmpty(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM sandbox_zd_user").mapTo(Long.class).one() == 0;
    }

    void seed(Handle h, Collection<HelpdeskPeople.Person> people) {
        for (HelpdeskPeople.Person p : people) {
            h.createUpdate("INSERT INTO sandbox_zd_user (id, name, email, role, slack_id) VALUES (:id, :name, :email, :role, :slack)")
                    .bind("id", p.zendeskId()).bind("name", p.name()).bind("email", p.email().toLowerCase(Locale.ROOT))
                    .bind("role", p.zendeskRole()).bind("slack", p.slackId()).execute();
        }
    }

    Optional<User> user(Handle h, long id) {
        return h.createQuery("SELECT id, name, email, role FROM sandbox_zd_user WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> user(rs)).findOne();
    }

    Optional<User> userByEmail(Handle h, String email) {
        return h.createQuery("SELECT id, name, email, role FROM sandbox_zd_user WHERE email = :email")
                .bind("email", email.trim().toLowerCase(Locale.ROOT)).map((rs, ctx) -> user(rs)).findOne();
    }

    List<User> users(Handle h, Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return h.createQuery("SELECT id, name, email, role FROM sandbox_zd_user WHERE id IN (<ids>) ORDER BY id")
                .bindList("ids", List.copyOf(ids)).map((rs, ctx) -> user(rs)).list();
    }

    /** The agent with this email, created when there is none. */
    void agent(Handle h, String name, String email) {
        if (userByEmail(h, email).isPresent()) return;
        h.createUpdate("INSERT INTO sandbox_zd_user (name, email, role) VALUES (:name, :email, 'agent')")
                .bind("name", SecretScanner.mask(name)).bind("email", email.trim().toLowerCase(Locale.ROOT)).execute();
    }

    /** The user with this email, created as an end user when there is none (as Zendesk does for a new requester). */
    User endUser(Handle h, String name, String email) {
        Optional<User> existing = userByEmail(h, email);
        if (existing.isPresent()) return existing.get();
        long id = h.createUpdate("INSERT INTO sandbox_zd_user (name, email, role) VALUES (:name, :email, 'end-user')")
                .bind("name", SecretScanner.mask(name == null || name.isBlank() ? email : name))
                .bind("email", email.trim().toLowerCase(Locale.ROOT))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return user(h, id).orElseThrow();
    }

    Optional<Ticket> ticket(Handle h, long id) {
        return h.createQuery("SELECT * FROM sandbox_zd_ticket WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> ticket(h, rs)).findOne();
    }

    List<Ticket> tickets(Handle h) {
        return h.createQuery("SELECT * FROM sandbox_zd_ticket ORDER BY id DESC").map((rs, ctx) -> ticket(h, rs)).list();
    }

    List<Ticket> ticketsWithExternalId(Handle h, String externalId) {
        return h.createQuery("SELECT * FROM sandbox_zd_ticket WHERE external_id = :e ORDER BY id")
                .bind("e", externalId).map((rs, ctx) -> ticket(h, rs)).list();
    }

    long createTicket(Handle h, String subject, long requesterId, NewComment first, List<String> tags, String status,
                      String externalId) {
        Instant now = next(null);
        long id = h.createUpdate("""
                        INSERT INTO sandbox_zd_ticket (subject, requester_id, status, external_id, created_at, updated_at)
                        VALUES (:subject, :requester, :status, :external, :now, :now)""")
                .bind("subject", SecretScanner.mask(subject)).bind("requester", requesterId).bind("status", status == null ? "new" : status)
                .bind("external", externalId).bind("now", at(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        addComment(h, id, first, now);
        addTags(h, id, tags);
        return id;
    }

    /** A ticket's status, its row locked until the transaction ends; empty when there is no such ticket. */
    Optional<String> lockedStatus(Handle h, long ticketId) {
        return h.createQuery("SELECT status FROM sandbox_zd_ticket WHERE id = :id FOR UPDATE").bind("id", ticketId)
                .mapTo(String.class).findOne();
    }

    /** Applies one update; false when the ticket does not exist. */
    boolean update(Handle h, long ticketId, Update update) {
        Optional<Ticket> ticket = h.createQuery("SELECT * FROM sandbox_zd_ticket WHERE id = :id FOR UPDATE").bind("id", ticketId)
                .map((rs, ctx) -> ticket(h, rs)).findOne();
        if (ticket.isEmpty()) return false;
        Instant now = next(ticket.get().updatedAt());
        if (update.comment() != null) addComment(h, ticketId, update.comment(), now);
        if (update.setTags() != null) {
            h.createUpdate("DELETE FROM sandbox_zd_tag WHERE ticket_id = :t").bind("t", ticketId).execute();
            addTags(h, ticketId, update.setTags());
        }
        addTags(h, ticketId, update.addTags());
        for (String tag : update.removeTags()) {
            h.createUpdate("DELETE FROM sandbox_zd_tag WHERE ticket_id = :t AND tag = :tag").bind("t", ticketId)
                    .bind("tag", tag.toLowerCase(Locale.ROOT)).execute();
        }
        String status = update.status() == null ? ticket.get().status() : update.status();
        h.createUpdate("UPDATE sandbox_zd_ticket SET status = :status, updated_at = :now WHERE id = :id")
                .bind("status", status).bind("now", at(now)).bind("id", ticketId).execute();
        return true;
    }

    /** The ticket's comments, newest first when asked, from the one after {@code afterId} (exclusive; null: the first). */
    List<Comment> comments(Handle h, long ticketId, boolean newestFirst, Long afterId, int limit) {
        String order = newestFirst ? "DESC" : "ASC";
        String after = afterId == null ? "" : newestFirst ? " AND id < :after" : " AND id > :after";
        var query = h.createQuery("SELECT * FROM sandbox_zd_comment WHERE ticket_id = :t" + after + " ORDER BY id " + order
                + " LIMIT :limit").bind("t", ticketId).bind("limit", limit);
        if (afterId != null) query.bind("after", afterId);
        return withAttachments(h, query.map((rs, ctx) -> comment(rs)).list());
    }

    Optional<Comment> comment(Handle h, long commentId) {
        return h.createQuery("SELECT * FROM sandbox_zd_comment WHERE id = :id").bind("id", commentId)
                .map((rs, ctx) -> comment(rs)).findOne().map(c -> withAttachments(h, List.of(c)).get(0));
    }

    Optional<String> firstCommentBody(Handle h, long ticketId) {
        return h.createQuery("SELECT body FROM sandbox_zd_comment WHERE ticket_id = :t ORDER BY id LIMIT 1")
                .bind("t", ticketId).mapTo(String.class).findOne();
    }

    /** Replaces a comment's text (a redaction) and touches its ticket. */
    void replaceCommentBody(Handle h, Comment comment, String body) {
        h.createUpdate("UPDATE sandbox_zd_comment SET body = :body WHERE id = :id").bind("body", body).bind("id", comment.id()).execute();
        Ticket ticket = ticket(h, comment.ticketId()).orElseThrow();
        h.createUpdate("UPDATE sandbox_zd_ticket SET updated_at = :now WHERE id = :id")
                .bind("now", at(next(ticket.updatedAt()))).bind("id", ticket.id()).execute();
    }

    private void addComment(Handle h, long ticketId, NewComment comment, Instant now) {
        long id = h.createUpdate("""
                        INSERT INTO sandbox_zd_comment (ticket_id, author_id, is_public, body, created_at)
                        VALUES (:t, :author, :public, :body, :now)""")
                .bind("t", ticketId).bind("author", comment.authorId()).bind("public", comment.isPublic())
                .bind("body", comment.body()).bind("now", at(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        for (String name : comment.attachmentNames()) {
            h.createUpdate("INSERT INTO sandbox_zd_attachment (comment_id, file_name, content_type) VALUES (:c, :name, :type)")
                    .bind("c", id).bind("name", name).bind("type", contentType(name)).execute();
        }
    }

    private static void addTags(Handle h, long ticketId, List<String> tags) {
        for (String tag : new LinkedHashSet<>(tags)) {
            String clean = tag.trim().toLowerCase(Locale.ROOT);
            if (clean.isEmpty()) continue;
            h.createUpdate("""
                            INSERT INTO sandbox_zd_tag (ticket_id, tag) SELECT :t, :tag WHERE NOT EXISTS
                            (SELECT 1 FROM sandbox_zd_tag WHERE ticket_id = :t AND tag = :tag)""")
                    .bind("t", ticketId).bind("tag", clean).execute();
        }
    }

    /**
     * A ticket's update time moves forward on every change, by at least a millisecond: the trigger builds its
     * delivery id from it, and two changes must never share one.
     */
    private Instant next(Instant previous) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return previous != null && !now.isAfter(previous) ? previous.plusMillis(1) : now;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) return "image/png";
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) return "image/jpeg";
        if (lower.endsWith(".pdf")) return "application/pdf";
        if (lower.endsWith(".txt")) return "text/plain";
        return "application/octet-stream";
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("name"), rs.getString("email"), rs.getString("role"));
    }

    private static Ticket ticket(Handle h, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<String> tags = h.createQuery("SELECT tag FROM sandbox_zd_tag WHERE ticket_id = :t ORDER BY tag")
                .bind("t", id).mapTo(String.class).list();
        return new Ticket(id, rs.getString("subject"), rs.getLong("requester_id"), rs.getString("status"),
                rs.getString("external_id"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), tags);
    }

    private static Comment comment(ResultSet rs) throws SQLException {
        return new Comment(rs.getLong("id"), rs.getLong("ticket_id"), rs.getLong("author_id"), rs.getBoolean("is_public"),
                rs.getString("body"), rs.getObject("created_at", OffsetDateTime.class).toInstant(), List.of());
    }

    private static List<Comment> withAttachments(Handle h, List<Comment> comments) {
        List<Comment> out = new ArrayList<>();
        for (Comment c : comments) {
            List<Attachment> attachments = h.createQuery(
                            "SELECT id, file_name, content_type FROM sandbox_zd_attachment WHERE comment_id = :c ORDER BY id")
                    .bind("c", c.id()).map((rs, ctx) -> new Attachment(rs.getLong("id"), rs.getString("file_name"),
                            rs.getString("content_type"))).list();
            out.add(new Comment(c.id(), c.ticketId(), c.authorId(), c.isPublic(), c.body(), c.createdAt(), attachments));
        }
        return out;
    }
}
