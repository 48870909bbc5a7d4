package dev.supportbot.bot.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
 * Group commit of intake: one thread takes every event waiting to be accepted and stores them in one transaction,
 * committed with {@code synchronous_commit} on, so one flush of PostgreSQL's write-ahead log makes the whole batch
 * durable. Each caller is answered only after that commit, with its own outcome. The queue is bounded: when it is full
 * a caller is turned away at once rather than held in memory.
 */
final class InboxWriter implements AutoCloseable {
    static final int DEFAULT_CAPACITY = 2048;
    static final int MAX_BATCH = 256;
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(InboxWriter.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final BlockingQueue<Pending> queue;
    private final Thread thread;
    private final AtomicLong taken = new AtomicLong();
    private volatile boolean closed;

    InboxWriter(Jdbi jdbi, Clock clock, int capacity) {
        this.jdbi = jdbi;
        this.clock = clock;
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
            } catch (InterruptedException e) {
                if (!closed) log.warn("inbox writer interrupted while open");
            } finally {
                batch.clear();
            }
        }
    }

    private void store(List<Pending> batch) {
        List<Acceptance> answers;
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        try {
            answers = jdbi.inTransaction(h -> insert(h, batch, now));
        } catch (RuntimeException e) {
            // Only this batch's callers fail; they answer 503 and their senders retry. No payload in the log.
            log.warn("inbox writer: a batch of {} events was not stored: {}", batch.size(), e.getClass().getSimpleName());
            InboxUnavailableException failure = new InboxUnavailableException("the event could not be stored", e);
            for (Pending p : batch) p.answer.completeExceptionally(failure);
            return;
        }
        for (int i = 0; i < batch.size(); i++) batch.get(i).answer.complete(answers.get(i));
    }

    private static List<Acceptance> insert(Handle h, List<Pending> batch, OffsetDateTime now) {
        // Durable even where a server's default is asynchronous commit.
        h.execute("SET LOCAL synchronous_commit = on");
        PreparedBatch insert = h.prepareBatch("""
                INSERT INTO inbox (source, dedup_key, event_type, ticket_id, payload, status, attempts,
                                   available_at, received_at)
                VALUES (:source, :dedupKey, :eventType, :ticketId, :payload, 'pending', 0, now(), :now)
                ON CONFLICT (source, dedup_key) DO NOTHING""");
        for (Pending p : batch) {
            insert.bind("source", p.event().source())
                    .bind("dedupKey", p.event().dedupKey())
                    .bind("eventType", p.event().eventType())
                    .bind("ticketId", p.event().ticketId())
                    .bind("payload", p.event().payload())
                    .bind("now", now)
                    .add();
        }
        int[] counts = insert.execute();
        List<Acceptance> answers = new ArrayList<>(counts.length);
        for (int count : counts) answers.add(count == 0 ? Acceptance.DUPLICATE : Acceptance.ACCEPTED);
        return answers;
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
