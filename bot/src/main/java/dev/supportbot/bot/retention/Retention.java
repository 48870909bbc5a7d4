package dev.supportbot.bot.retention;

import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what is past its retention time: inbox events done before {@code inboxRetention}, comment-scan positions
 * of tickets with no new comment for as long, the Slack forms (modals) opened as long ago, and audit entries older than {@code auditRetention} (null: kept
 * forever). Dead letters are left alone. Each batch is its own short transaction, and deleting what another bot
 * instance already deleted is harmless, so every instance runs it on its own schedule.
 *
 * <p>A ticket whose scan position was deleted is scanned again from its first comment on its next update: redacted
 * comments no longer hold a secret, and a license file still attached is named again.
 */
public final class Retention implements AutoCloseable {
    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    public record Settings(Duration inboxRetention, Duration auditRetention, Duration interval) {}

    public record Purged(long inboxEvents, long scanPositions, long slackViews, long auditEntries) {
        public long total() {
            return inboxEvents + scanPositions + slackViews + auditEntries;
        }
    }

    private final Inbox inbox;
    private final Jdbi jdbi;
    private final Clock clock;
    private final Settings settings;
    private volatile boolean closed;
    private ScheduledExecutorService timer;

    public Retention(Database database, Inbox inbox, Clock clock, Settings settings) {
        this.inbox = inbox;
        this.jdbi = database.jdbi();
        this.clock = clock;
        this.settings = settings;
    }

    /** Purges every {@code interval} from now on; an interval of zero purges never. */
    public void start() {
        if (settings.interval().isZero() || settings.interval().isNegative()) return;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "retention");
            t.setDaemon(true);
            return t;
        });
        long every = settings.interval().toMillis();
        timer.scheduleWithFixedDelay(this::purgeQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** One pass: deletes, batch by batch, everything past its retention now. */
    public Purged purge() {
        Instant now = clock.instant();
        Instant inboxCutoff = now.minus(settings.inboxRetention());
        long events = drain(() -> inbox.purgeDone(inboxCutoff, BATCH));
        long scans = drain(() -> deleteBatch("""
                DELETE FROM ticket_scan WHERE ticket_id IN (
                    SELECT ticket_id FROM ticket_scan WHERE scanned_at < :before LIMIT :batch)""", inboxCutoff));
        long views = drain(() -> deleteBatch("""
                DELETE FROM slack_view WHERE view_id IN (
                    SELECT view_id FROM slack_view WHERE opened_at < :before LIMIT :batch)""", inboxCutoff));
        long audit = settings.auditRetention() == null ? 0 : drain(() -> deleteBatch("""
                DELETE FROM audit_log WHERE id IN (
                    SELECT id FROM audit_log WHERE at < :before ORDER BY id LIMIT :batch)""",
                now.minus(settings.auditRetention())));
        return new Purged(events, scans, views, audit);
    }

    private void purgeQuietly() {
        try {
            Purged purged = purge();
            if (purged.total() > 0) {
                log.info("retention: deleted {} processed inbox events, {} scan positions, {} Slack forms, {} audit entries",
                        purged.inboxEvents(), purged.scanPositions(), purged.slackViews(), purged.auditEntries());
            }
        } catch (RuntimeException e) {
            log.warn("retention purge failed, will try again: {}", e.getMessage());
        }
    }

    private long drain(IntSupplier batch) {
        long total = 0;
        int n;
        do {
            if (closed) break;
            n = batch.getAsInt();
            total += n;
        } while (n == BATCH);
        return total;
    }

    private int deleteBatch(String sql, Instant before) {
        return jdbi.withHandle(h -> h.createUpdate(sql)
                .bind("before", before.atOffset(ZoneOffset.UTC))
                .bind("batch", BATCH)
                .execute());
    }

    @Override
    public void close() {
        closed = true;
        if (timer == null) return;
        timer.shutdown();
        try {
            if (!timer.awaitTermination(30, TimeUnit.SECONDS)) timer.shutdownNow();
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
