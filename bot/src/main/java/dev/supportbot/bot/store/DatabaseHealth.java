package dev.supportbot.bot.store;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Whether the database accepts a write: one UPDATE of the {@code health_check} row, committed. The result is reused
 * for {@code maxAge}, so a flood of health probes stays a trickle of writes.
 */
public final class DatabaseHealth {
    public record Status(boolean up, String reason) {}

    private final Database database;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private Status last;
    private long lastAt;

    public DatabaseHealth(Database database, Duration maxAge) {
        this(database, maxAge, System::nanoTime);
    }

    DatabaseHealth(Database database, Duration maxAge, LongSupplier nanoTime) {
        this.database = database;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The last result when younger than {@code maxAge}, else a fresh check; concurrent callers share one check. */
    public synchronized Status status() {
        long now = nanoTime.getAsLong();
        if (last == null || now - lastAt >= maxAgeNanos) {
            last = check();
            lastAt = nanoTime.getAsLong();
        }
        return last;
    }

    private Status check() {
        try {
            database.checkWrite();
            return new Status(true, null);
        } catch (RuntimeException e) {
            return new Status(false, Database.rootMessage(e));
        }
    }
}
