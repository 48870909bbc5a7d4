package dev.supportbot.bot.inbox;

import dev.supportbot.bot.store.H2FileSync;
import dev.supportbot.bot.store.Vendor;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of intake: one thread takes every event waiting to be accepted, stores them in one transaction and
 * makes that commit durable once: PostgreSQL: the commit with {@code synchronous_commit} on; an H2 file database of
 * the service: the accepted events appended to the {@link IntakeJournal} and forced to disk; another H2 database:
 * {@link H2FileSync}, which writes the store and forces the file. Each caller is answered only after that, with its
 * own outcome. The queue is bounded: when it is full a caller is turned away at once rather than held in memory.
 *
 * <p>With a journal, this thread also checkpoints (so nothing interleaves with a batch): once the journal holds
 * {@link #CHECKPOINT_BYTES} or its oldest record is {@link #CHECKPOINT_AGE} old, and on close, it makes H2 write and
 * sync its store ({@link H2FileSync}: every commit so far is then in the database file) and resets the journal.
 */
final class InboxWriter implements AutoCloseable {
    static final int DEFAULT_CAPACITY = 2048;
    static final int MAX_BATCH = 256;
    private static final int REPLAY_ATTEMPTS = 5;
    private static final Duration REPLAY_RETRY_WAIT = Duration.ofSeconds(2);
    static final long CHECKPOINT_BYTES = 8L * 1024 * 1024;
    static final Duration CHECKPOINT_AGE = Duration.ofSeconds(10);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(InboxWriter.class);

    private final Jdbi jdbi;
    private final Vendor vendor;
    private final Clock clock;
    private final BlockingQueue<Pending> queue;
    private final Thread thread;
    private final IntakeJournal journal; // null: PostgreSQL, or an H2 database that is synced itself
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong checkpoints = new AtomicLong();
    private long firstUncheckpointed; // System.nanoTime() of the oldest record in the journal
    private volatile boolean closed;

    InboxWriter(Jdbi jdbi, Vendor vendor, Clock clock, int capacity, IntakeJournal journal) {
        this.jdbi = jdbi;
        this.vendor = vendor;
        this.clock = clock;
        this.journal = journal;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "inbox-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stores the event durably, or throws {@link InboxUnavailableException} (full, failed, closed) for a retry. */
    Acceptance write(NewInboxEvent event) {
        if (closed) throw new InboxUnavailableException("the inbox is closing");
        Pending pending = new Pending(event, new CompletableFuture<>());
        if (!queue.offer(pending)) throw new InboxUnavailableException("the inbox is busy");
        try {
            return pending.answer.get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof InboxUnavailableException u ? u
                    : new InboxUnavailableException("the event could not be stored", e.getCause());
        } catch (TimeoutException e) {
            throw new InboxUnavailableException("the inbox did not answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InboxUnavailableException("interrupted while storing the event", e);
        }
    }

    /** Events waiting for the writer (not yet in the batch it is storing). */
    int waiting() {
        return queue.size();
    }

    /** Events the writer has taken into batches so far. */
    long taken() {
        return taken.get();
    }

    /** Checkpoints done so far. */
    long checkpoints() {
        return checkpoints.get();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    taken.addAndGet(batch.size());
                    store(batch);
                }
                if (journal != null && checkpointDue()) checkpoint();
            } catch (InterruptedException e) {
                if (!closed) log.warn("inbox writer interrupted while open");
            } finally {
                batch.clear();
            }
        }
        if (journal != null && !journal.isEmpty()) checkpoint();
    }

    private boolean checkpointDue() {
        return !journal.isEmpty() && (journal.bytes() >= CHECKPOINT_BYTES
                || System.nanoTime() - firstUncheckpointed >= CHECKPOINT_AGE.toNanos());
    }

    /** Every H2 commit so far into the database file and onto the disk; then the journal is not needed any more. */
    private void checkpoint() {
        try {
            jdbi.useHandle(h -> H2FileSync.sync(h.getConnection()));
            journal.reset();
            checkpoints.incrementAndGet();
        } catch (RuntimeException | SQLException | IOException e) {
            // The journal keeps its records (they are replayed on start); try again one checkpoint age later.
            firstUncheckpointed = System.nanoTime();
            log.warn("inbox writer: checkpoint failed: {}", e.getClass().getSimpleName());
        }
    }

    private void store(List<Pending> batch) {
        List<Acceptance> answers;
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        try {
            answers = jdbi.withHandle(h -> {
                List<Acceptance> stored = h.inTransaction(tx -> insert(tx, batch, now));
                if (vendor == Vendor.H2) makeDurable(h, batch, stored, now);
                return stored;
            });
        } catch (RuntimeException | SQLException e) {
            // Only this batch's callers fail; they answer 503 and their senders retry. No payload in the log.
            log.warn("inbox writer: a batch of {} events was not stored: {}", batch.size(), e.getClass().getSimpleName());
            InboxUnavailableException failure = new InboxUnavailableException("the event could not be stored", e);
            for (Pending p : batch) p.answer.completeExceptionally(failure);
            return;
        }
        for (int i = 0; i < batch.size(); i++) batch.get(i).answer.complete(answers.get(i));
    }

    private void makeDurable(Handle h, List<Pending> batch, List<Acceptance> stored, OffsetDateTime now) throws SQLException {
        if (journal == null) {
            H2FileSync.sync(h.getConnection());
            return;
        }
        List<IntakeJournal.Entry> accepted = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (stored.get(i) == Acceptance.ACCEPTED) accepted.add(new IntakeJournal.Entry(batch.get(i).event, now.toInstant()));
        }
        if (accepted.isEmpty()) return;
        boolean wasEmpty = journal.isEmpty();
        try {
            journal.append(accepted);
            if (wasEmpty) firstUncheckpointed = System.nanoTime();
        } catch (IOException e) {
            // The journal cannot take them: make this commit (and every one before) durable in H2's own file instead.
            log.warn("inbox writer: intake journal append failed, syncing the database instead: {}", e.getClass().getSimpleName());
            H2FileSync.sync(h.getConnection());
        }
    }

    private List<Acceptance> insert(Handle h, List<Pending> batch, OffsetDateTime now) {
        if (vendor == Vendor.POSTGRESQL) {
            // Durable even where the server's default is asynchronous commit.
            h.execute("SET LOCAL synchronous_commit = on");
            return insertAll(h, batch, now, " ON CONFLICT (source, dedup_key) DO NOTHING");
        }
        // H2 has no "insert unless present" in its own mode; with this single writer a look-up first is exact.
        Set<String> taken = existingKeys(h, batch.stream().map(Pending::event).toList());
        List<Acceptance> answers = new ArrayList<>(batch.size());
        List<Pending> fresh = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            boolean isNew = taken.add(key(p.event));
            answers.add(isNew ? Acceptance.ACCEPTED : Acceptance.DUPLICATE);
            if (isNew) fresh.add(p);
        }
        if (!fresh.isEmpty()) insertAll(h, fresh.stream().map(p -> new IntakeJournal.Entry(p.event, now.toInstant())).toList(), "");
        return answers;
    }

    private static List<Acceptance> insertAll(Handle h, List<Pending> rows, OffsetDateTime now, String onConflict) {
        return insertAll(h, rows.stream().map(p -> new IntakeJournal.Entry(p.event, now.toInstant())).toList(), onConflict);
    }

    private static List<Acceptance> insertAll(Handle h, List<IntakeJournal.Entry> rows, String onConflict) {
        PreparedBatch insert = h.prepareBatch("""
                INSERT INTO inbox (source, dedup_key, event_type, ticket_id, payload, status, attempts,
                                   available_at, received_at)
                VALUES (:source, :dedupKey, :eventType, :ticketId, :payload, 'pending', 0, :now, :now)""" + onConflict);
        for (IntakeJournal.Entry row : rows) {
            insert.bind("source", row.event().source())
                    .bind("dedupKey", row.event().dedupKey())
                    .bind("eventType", row.event().eventType())
                    .bind("ticketId", row.event().ticketId())
                    .bind("payload", row.event().payload())
                    .bind("now", row.receivedAt().atOffset(ZoneOffset.UTC))
                    .add();
        }
        int[] counts = insert.execute();
        List<Acceptance> answers = new ArrayList<>(counts.length);
        for (int count : counts) answers.add(count == 0 ? Acceptance.DUPLICATE : Acceptance.ACCEPTED);
        return answers;
    }

    /**
     * Stores the journal's events whose key is not in the inbox (their H2 commit did not reach the file before the
     * crash), makes H2's file durable and resets the journal. Returns how many it stored. Runs before intake and the
     * workers start, so no worker has seen a row it stores and none is stored twice.
     */
    static int replay(Jdbi jdbi, IntakeJournal journal) throws IOException, SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return replayOnce(jdbi, journal);
            } catch (RuntimeException | SQLException e) {
                // Seen once right after a SIGKILL: H2 answered a lock timeout to the first inserts after its recovery.
                // The records stay in the journal until they are stored, so waiting and trying again loses nothing.
                if (attempt == REPLAY_ATTEMPTS) throw e;
                log.warn("intake journal: replay attempt {} of {} failed ({}), trying again", attempt, REPLAY_ATTEMPTS,
                        e.getClass().getSimpleName());
                try {
                    Thread.sleep(REPLAY_RETRY_WAIT.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static int replayOnce(Jdbi jdbi, IntakeJournal journal) throws IOException, SQLException {
        List<IntakeJournal.Entry> entries = journal.recovered();
        int stored = entries.isEmpty() ? 0 : jdbi.withHandle(h -> {
            int inserted = 0;
            for (int from = 0; from < entries.size(); from += MAX_BATCH) {
                List<IntakeJournal.Entry> chunk = entries.subList(from, Math.min(entries.size(), from + MAX_BATCH));
                inserted += h.inTransaction(tx -> {
                    Set<String> present = existingKeys(tx, chunk.stream().map(IntakeJournal.Entry::event).toList());
                    List<IntakeJournal.Entry> missing = chunk.stream().filter(e -> present.add(key(e.event()))).toList();
                    if (!missing.isEmpty()) insertAll(tx, missing, "");
                    return missing.size();
                });
            }
            H2FileSync.sync(h.getConnection());
            return inserted;
        });
        journal.reset();
        return stored;
    }

    /**
     * One index look-up per key. H2 uses the (source, dedup_key) index for {@code source = ? AND dedup_key IN (...)}
     * on its first column only, so one query for the batch reads every row of the source, and gets slower as the
     * inbox grows.
     */
    private static Set<String> existingKeys(Handle h, List<NewInboxEvent> events) {
        Set<String> taken = new HashSet<>();
        for (NewInboxEvent e : events) {
            boolean present = h.createQuery("SELECT 1 FROM inbox WHERE source = :source AND dedup_key = :dedupKey")
                    .bind("source", e.source())
                    .bind("dedupKey", e.dedupKey())
                    .mapTo(Integer.class)
                    .findOne()
                    .isPresent();
            if (present) taken.add(key(e));
        }
        return taken;
    }

    private static String key(NewInboxEvent event) {
        return event.source() + "\n" + event.dedupKey();
    }

    /** Stops taking events, stores what is queued, and waits for the writer to finish. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(ANSWER_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pending(NewInboxEvent event, CompletableFuture<Acceptance> answer) {}
}
