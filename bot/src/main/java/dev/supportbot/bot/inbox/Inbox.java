package dev.supportbot.bot.inbox;

import dev.supportbot.bot.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The durable inbox table. An event is stored once per (source, de-duplication key); workers claim due events
 * under a lease, and either complete them (together with the dispatcher's own writes) or record a failure,
 * which schedules a retry or parks the event as a dead letter. When a row is due (stored, retry time, end of a
 * lease) is set and read by the database's clock, which every instance shares: an instance whose own clock is
 * hours off neither takes over a lease early nor cuts a retry's wait short.
 */
public final class Inbox implements AutoCloseable {
    static final String PENDING = "pending";
    static final String PROCESSING = "processing";
    static final String DONE = "done";
    static final String DEAD = "dead";
    private static final int MAX_ERROR_LENGTH = 1000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final int writerCapacity;
    private InboxWriter writer;

    public Inbox(Database database, Clock clock) {
        this(database, clock, InboxWriter.DEFAULT_CAPACITY);
    }

    Inbox(Database database, Clock clock, int writerCapacity) {
        this.jdbi = database.jdbi();
        this.clock = clock;
        this.writerCapacity = writerCapacity;
    }

    /**
     * Stores the event; returns once its commit is on disk (group commit: concurrent calls share one transaction and
     * one flush of the write-ahead log). A second event with the same key is not stored again. Throws {@link InboxUnavailableException}
     * when the event was not stored (queue full, store failed): the sender should retry.
     */
    public Acceptance accept(NewInboxEvent event) {
        return writer().write(event);
    }

    synchronized InboxWriter writer() {
        if (writer == null) writer = new InboxWriter(jdbi, clock, writerCapacity);
        return writer;
    }

    /** Stores what is waiting to be accepted and stops the writer. */
    @Override
    public synchronized void close() {
        if (writer != null) writer.close();
    }

    /**
     * Stores an event inside the caller's transaction: work that must follow a commit (the next effect, a result)
     * is queued by that same commit. The key must be unique by construction; a clash fails the transaction.
     * {@code now} is its time of receipt; it is due at once.
     */
    public static void enqueue(Handle handle, NewInboxEvent event, Instant now) {
        handle.createUpdate("""
                        INSERT INTO inbox (source, dedup_key, event_type, ticket_id, payload, status, attempts,
                                           available_at, received_at)
                        VALUES (:source, :dedupKey, :eventType, :ticketId, :payload, 'pending', 0, now(), :now)""")
                .bind("source", event.source())
                .bind("dedupKey", event.dedupKey())
                .bind("eventType", event.eventType())
                .bind("ticketId", event.ticketId())
                .bind("payload", event.payload())
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .execute();
    }

    /**
     * Claims up to {@code max} due events for {@code lease}: pending ones whose retry time has come, and ones whose
     * previous worker's lease ran out (it crashed or hung). Concurrent claimers, of this bot or of others on the same
     * database, skip each other's rows ({@code SKIP LOCKED}), so the rows read are the rows taken. The lease ends by
     * the database's clock; a worker renews it while it works ({@link #renew}).
     */
    public List<InboxEvent> claim(int max, Duration lease) {
        String token = UUID.randomUUID().toString();
        return jdbi.inTransaction(h -> {
            // Only pending and leased rows have a time (done and dead ones have none): one index range scan.
            List<Long> ids = h.createQuery("""
                            SELECT id FROM inbox
                            WHERE available_at <= now()
                            ORDER BY available_at
                            LIMIT :max
                            FOR UPDATE SKIP LOCKED""")
                    .bind("max", max)
                    .mapTo(Long.class)
                    .list();
            if (ids.isEmpty()) return List.of();
            h.createUpdate("""
                            UPDATE inbox SET status = 'processing', claim_token = :token,
                                             available_at = now() + :leaseMillis * INTERVAL '1 millisecond',
                                             attempts = attempts + 1
                            WHERE id IN (<ids>)""")
                    .bind("token", token)
                    .bind("leaseMillis", lease.toMillis())
                    .bindList("ids", ids)
                    .execute();
            return h.createQuery("""
                            SELECT id, source, dedup_key, event_type, ticket_id, payload, attempts, received_at, claim_token
                            FROM inbox WHERE id IN (<ids>) AND claim_token = :token ORDER BY id""")
                    .bindList("ids", ids)
                    .bind("token", token)
                    .map(Inbox::event)
                    .list();
        });
    }

    /**
     * Extends the leases of events this process still works on, from the database's clock; returns the ids of those
     * whose lease was lost (it ran out and another worker took the event over). A worker must not call out for those.
     */
    public Set<Long> renew(Collection<InboxEvent> held, Duration lease) {
        if (held.isEmpty()) return Set.of();
        return jdbi.inTransaction(h -> {
            Set<Long> lost = new HashSet<>();
            for (InboxEvent event : held) {
                int renewed = h.createUpdate("""
                                UPDATE inbox SET available_at = now() + :leaseMillis * INTERVAL '1 millisecond'
                                WHERE id = :id AND claim_token = :token AND status = 'processing'""")
                        .bind("leaseMillis", lease.toMillis())
                        .bind("id", event.id())
                        .bind("token", event.claimToken())
                        .execute();
                if (renewed == 0) lost.add(event.id());
            }
            return lost;
        });
    }

    /** Marks the event done and applies the dispatcher's writes, in one transaction, if this worker still holds it. */
    public void complete(InboxEvent event, Handled handled) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("""
                            UPDATE inbox SET status = 'done', processed_at = :now, claim_token = NULL, available_at = NULL,
                                             outcome = :outcome
                            WHERE id = :id AND claim_token = :token AND status = 'processing'""")
                    .bind("now", now())
                    .bind("outcome", truncate(handled.outcome()))
                    .bind("id", event.id())
                    .bind("token", event.claimToken())
                    .execute();
            if (updated != 1) throw new LostClaimException(event.id());
            handled.commit().apply(h);
        });
    }

    /**
     * Records a failed attempt: retry once {@code retryIn} has passed (by the database's clock), or park as dead when
     * {@code dead}.
     */
    public void fail(InboxEvent event, String error, Duration retryIn, boolean dead) {
        reschedule(event, dead ? DEAD : PENDING, error, dead ? null : retryIn, 0);
    }

    /**
     * Puts the event back to be tried once {@code retryIn} has passed, without counting this attempt: it waited for
     * something (e.g. what it refers to), it did not fail.
     */
    public void later(InboxEvent event, String reason, Duration retryIn) {
        reschedule(event, PENDING, reason, retryIn, -1);
    }

    private void reschedule(InboxEvent event, String status, String error, Duration retryIn, int attemptsChange) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE inbox SET status = :status, claim_token = NULL, last_error = :error, attempts = attempts + :change,
                                         available_at = now() + CAST(:retryMillis AS BIGINT) * INTERVAL '1 millisecond'
                        WHERE id = :id AND claim_token = :token""")
                .bind("status", status)
                .bindByType("retryMillis", retryIn == null ? null : retryIn.toMillis(), Long.class)
                .bind("error", truncate(error))
                .bind("change", attemptsChange)
                .bind("id", event.id())
                .bind("token", event.claimToken())
                .execute());
    }

    /** Gives claimed events back without counting the attempt (graceful shutdown). */
    public void release(InboxEvent event) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE inbox SET status = 'pending', claim_token = NULL, available_at = now(),
                                         attempts = attempts - 1
                        WHERE id = :id AND claim_token = :token AND status = 'processing'""")
                .bind("id", event.id())
                .bind("token", event.claimToken())
                .execute());
    }

    /** Events not yet done: pending, or being processed. */
    public long depth() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inbox WHERE status IN ('pending', 'processing')")
                .mapTo(Long.class)
                .one());
    }

    public long deadCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inbox WHERE status = 'dead'")
                .mapTo(Long.class)
                .one());
    }

    public List<DeadLetter> deadLetters(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, source, event_type, ticket_id, attempts, last_error, received_at
                        FROM inbox WHERE status = 'dead' ORDER BY id LIMIT :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> new DeadLetter(rs.getLong("id"), rs.getString("source"), rs.getString("event_type"),
                        nullableLong(rs, "ticket_id"), rs.getInt("attempts"), rs.getString("last_error"),
                        instant(rs, "received_at")))
                .list());
    }

    /** Puts a dead letter back in the queue with a fresh attempt count. Returns false when no such dead letter. */
    public boolean retryDead(long id) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE inbox SET status = 'pending', attempts = 0, available_at = now()
                        WHERE id = :id AND status = 'dead'""")
                .bind("id", id)
                .execute()) == 1;
    }

    /**
     * Deletes up to {@code batch} events done before {@code before}; returns how many. Small batches keep each
     * transaction short while workers run. Dead letters are not touched: they wait for {@link #retryDead} or
     * {@link #purgeDead}.
     */
    public int purgeDone(Instant before, int batch) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM inbox WHERE id IN (
                            SELECT id FROM inbox WHERE status = 'done' AND processed_at < :before LIMIT :batch)""")
                .bind("before", before.atOffset(ZoneOffset.UTC))
                .bind("batch", batch)
                .execute());
    }

    /** Deletes the dead letters received before {@code before}, in batches; returns how many. */
    public long purgeDead(Instant before, int batch) {
        long deleted = 0;
        int n;
        do {
            n = jdbi.withHandle(h -> h.createUpdate("""
                            DELETE FROM inbox WHERE id IN (
                                SELECT id FROM inbox WHERE status = 'dead' AND received_at < :before LIMIT :batch)""")
                    .bind("before", before.atOffset(ZoneOffset.UTC))
                    .bind("batch", batch)
                    .execute());
            deleted += n;
        } while (n == batch);
        return deleted;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String text) {
        if (text == null) return null;
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    private static InboxEvent event(ResultSet rs, StatementContext ctx) throws SQLException {
        return new InboxEvent(rs.getLong("id"), rs.getString("source"), rs.getString("dedup_key"),
                rs.getString("event_type"), nullableLong(rs, "ticket_id"), rs.getString("payload"),
                rs.getInt("attempts"), instant(rs, "received_at"), rs.getString("claim_token"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
