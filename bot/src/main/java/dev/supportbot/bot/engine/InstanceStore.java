package dev.supportbot.bot.engine;

import dev.supportbot.bot.inbox.RetryLater;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.store.UniqueViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Workflow instances, and the separate tickets they opened (e.g. to a Sold To contact) with their comment cursors. */
public final class InstanceStore {
    private static final String COLUMNS = "id, kind, ticket_id, state_json, version, comment_cursor, finished, initiator";

    private final Jdbi jdbi;
    private final Clock clock;

    public InstanceStore(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    public List<Instance> forTicket(long ticketId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM workflow_instance WHERE ticket_id = :t ORDER BY id")
                .bind("t", ticketId)
                .map((rs, ctx) -> row(rs))
                .list());
    }

    public Optional<Instance> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM workflow_instance WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne());
    }

    /** The instance of {@code kind} running on the ticket, else the newest finished one. */
    public Optional<Instance> find(long ticketId, String kind) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM workflow_instance WHERE ticket_id = :t AND kind = :k
                        ORDER BY CASE WHEN finished THEN 1 ELSE 0 END, id DESC FETCH FIRST 1 ROWS ONLY""")
                .bind("t", ticketId)
                .bind("k", kind)
                .map((rs, ctx) -> row(rs))
                .findOne());
    }

    /** The instance of {@code kind} running on the ticket, if one is. */
    public Optional<Instance> running(long ticketId, String kind) {
        return find(ticketId, kind).filter(i -> !i.finished());
    }

    /** An instance with the time it entered its current state. */
    public record Run(Instance instance, Instant stateSince) {}

    /** Every run on the ticket, newest first. */
    public List<Run> runsOn(long ticketId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + ", state_since FROM workflow_instance WHERE ticket_id = :t ORDER BY id DESC")
                .bind("t", ticketId)
                .map((rs, ctx) -> new Run(row(rs), since(rs)))
                .list());
    }

    /** Every running instance on every ticket, the longest in its state first. */
    public List<Run> allRunning() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + ", state_since FROM workflow_instance WHERE NOT finished ORDER BY state_since, id")
                .map((rs, ctx) -> new Run(row(rs), since(rs)))
                .list());
    }

    private static Instant since(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime at = rs.getObject("state_since", OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** Every instance running on the ticket, inside the caller's transaction. */
    static List<Instance> runningOn(Handle h, long ticketId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM workflow_instance WHERE ticket_id = :t AND NOT finished ORDER BY id")
                .bind("t", ticketId)
                .map((rs, ctx) -> row(rs))
                .list();
    }

    /** Who started the instance: {@code email:...}, {@code slack:...} or {@code supportbot}; empty when unknown. */
    public Optional<String> initiator(long instanceId) {
        return byId(instanceId).map(Instance::initiator);
    }

    /**
     * Starts a run of {@code kind} on the ticket in its initial state, unless one is running there: then that one is
     * returned (another worker may have started it first), whoever started it. A run after a finished one starts at
     * the comment cursor where that one stopped: the comments before were answers to the earlier run (and the bot's
     * own messages to it), not to this one.
     */
    public Instance create(long ticketId, String kind, String initialStateJson, String initiator) {
        long cursor = find(ticketId, kind).map(Instance::commentCursor).orElse(0L);
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                            INSERT INTO workflow_instance (kind, running_kind, ticket_id, state_json, state_type, version,
                                                           comment_cursor, finished, initiator, created_at, updated_at, state_since)
                            VALUES (:kind, :kind, :ticket, :state, 'initial', 0, :cursor, FALSE, :initiator, :now, :now, :now)""")
                    .bind("kind", kind)
                    .bind("cursor", cursor)
                    .bind("ticket", ticketId)
                    .bind("state", initialStateJson)
                    .bind("initiator", initiator)
                    .bind("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .execute());
        } catch (RuntimeException e) {
            if (!UniqueViolation.isCause(e)) throw e;
        }
        return running(ticketId, kind).orElseThrow();
    }

    /**
     * Saves a decision's state if nobody else decided for this instance in the meantime; otherwise throws, which
     * rolls the whole transaction back and leaves the event to be retried on the fresh state.
     */
    static void save(Handle h, Instance before, String stateJson, String stateType, boolean finished, long commentCursor, Clock clock) {
        int updated = h.createUpdate("""
                        UPDATE workflow_instance
                        SET state_json = :state, state_type = :type, version = version + 1, finished = :finished,
                            running_kind = CASE WHEN :finished THEN NULL ELSE kind END, comment_cursor = :cursor,
                            updated_at = :now, state_since = CASE WHEN state_type = :type THEN state_since ELSE :now END
                        WHERE id = :id AND version = :version""")
                .bind("state", stateJson)
                .bind("type", stateType)
                .bind("finished", finished)
                .bind("cursor", commentCursor)
                .bind("now", clock.instant().atOffset(ZoneOffset.UTC))
                .bind("id", before.id())
                .bind("version", before.version())
                .execute();
        if (updated != 1) throw new ConcurrentDecisionException(before);
    }

    static void linkTicket(Handle h, long linkedTicketId, long instanceId) {
        h.createUpdate("INSERT INTO linked_ticket (linked_ticket_id, instance_id, comment_cursor) VALUES (:t, :i, 0)")
                .bind("t", linkedTicketId)
                .bind("i", instanceId)
                .execute();
    }

    /** The instance a separate ticket belongs to, with that ticket's comment cursor. */
    public Optional<LinkedTicket> linkedTicket(long ticketId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT linked_ticket_id, instance_id, comment_cursor FROM linked_ticket WHERE linked_ticket_id = :t")
                .bind("t", ticketId)
                .map((rs, ctx) -> new LinkedTicket(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .findOne());
    }

    static void advanceLinkedCursor(Handle h, long linkedTicketId, long cursor) {
        h.createUpdate("UPDATE linked_ticket SET comment_cursor = :c WHERE linked_ticket_id = :t AND comment_cursor < :c")
                .bind("c", cursor)
                .bind("t", linkedTicketId)
                .execute();
    }

    public record LinkedTicket(long ticketId, long instanceId, long commentCursor) {}

    private static Instance row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Instance(rs.getLong("id"), rs.getString("kind"), rs.getLong("ticket_id"), rs.getString("state_json"),
                rs.getLong("version"), rs.getLong("comment_cursor"), rs.getBoolean("finished"), rs.getString("initiator"));
    }

    /** Another worker decided for the same instance first: the event is decided again on the new state, at once. */
    public static final class ConcurrentDecisionException extends RetryLater {
        ConcurrentDecisionException(Instance instance) {
            super("instance " + instance.id() + " moved past version " + instance.version() + "; will retry", Duration.ZERO);
        }
    }
}
