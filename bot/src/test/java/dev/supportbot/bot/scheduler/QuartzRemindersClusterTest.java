package dev.supportbot.bot.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Two bot instances, each with its own pool and scheduler, on one PostgreSQL database. */
class QuartzRemindersClusterTest {
    private static final int REMINDERS = 20;

    @Test
    void each_reminder_fires_on_one_instance_only() {
        String url = TestDatabases.freshUrl();
        AtomicInteger wakeUps = new AtomicInteger();
        try (Database dbA = TestDatabases.reopen(url);
                Database dbB = TestDatabases.reopen(url);
                QuartzReminders a = start(dbA, wakeUps);
                QuartzReminders b = start(dbB, wakeUps)) {
            // Both instances schedule, all due at once: both schedulers wake and compete for the same triggers.
            Instant at = Instant.now().plusSeconds(1);
            for (int instance = 1; instance <= REMINDERS; instance++) {
                (instance % 2 == 0 ? a : b).schedule(new ReminderKey(instance, 1), 1000 + instance, at);
            }
            // One instance cancels what the other scheduled.
            a.schedule(new ReminderKey(99, 1), 1099, at.plusSeconds(60));
            b.cancelAll(99);

            Await.until(REMINDERS + " reminders fired and finished", Duration.ofSeconds(20),
                    () -> InboxRows.count(dbA) >= REMINDERS && InboxRows.schedulerIdle(dbA));
            assertThat(InboxRows.all(dbA)).extracting(InboxRows.Row::dedupKey)
                    .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, REMINDERS)
                            .mapToObj(i -> "reminder:" + i + ":1:" + at.toEpochMilli())
                            .toList());
            assertThat(wakeUps).hasValue(REMINDERS);
        }
    }

    private static QuartzReminders start(Database db, AtomicInteger wakeUps) {
        return QuartzReminders.start(db, new Inbox(db, Clock.systemUTC())::accept, wakeUps::incrementAndGet,
                Clock.systemUTC(), QuartzRemindersTest.DEFAULTS);
    }
}
