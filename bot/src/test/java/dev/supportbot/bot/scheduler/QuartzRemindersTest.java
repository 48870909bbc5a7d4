package dev.supportbot.bot.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.inbox.Acceptance;
import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class QuartzRemindersTest {
    /** The production tuning (settings' defaults). */
    static final SchedulerTuning DEFAULTS =
            new SchedulerTuning(2, Duration.ofSeconds(15), Duration.ofMinutes(1), Duration.ofSeconds(30));
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final AtomicInteger wakeUps = new AtomicInteger();

    private QuartzReminders start(Database db, SchedulerTuning tuning) {
        return start(db, new Inbox(db, Clock.systemUTC())::accept, Clock.systemUTC(), tuning);
    }

    private QuartzReminders start(Database db, Function<NewInboxEvent, Acceptance> inbox, Clock clock,
            SchedulerTuning tuning) {
        return QuartzReminders.start(db, inbox, wakeUps::incrementAndGet, clock, tuning);
    }

    private static void awaitAllFired(Database db, int rows) {
        Await.until(rows + " inbox rows and no trigger left", WAIT,
                () -> InboxRows.count(db) >= rows && InboxRows.schedulerIdle(db));
    }

    private static Instant soon() {
        return Instant.now().plusMillis(300);
    }

    @Test
    void a_due_reminder_lands_in_the_inbox_once_with_its_ids() {
        try (Database db = TestDatabases.open(); QuartzReminders reminders = start(db, DEFAULTS)) {
            Instant at = soon();
            reminders.schedule(new ReminderKey(7, 1), 42, at);

            awaitAllFired(db, 1);
            assertThat(InboxRows.all(db)).containsExactly(new InboxRows.Row("reminder",
                    "reminder:7:1:" + at.toEpochMilli(), "reminder_due", 42L,
                    "{\"instance_id\":7,\"sequence\":1,\"ticket_id\":42}"));
            assertThat(wakeUps).hasValue(1);
        }
    }

    @Test
    void scheduling_the_same_reminder_again_replaces_it() {
        try (Database db = TestDatabases.open(); QuartzReminders reminders = start(db, DEFAULTS)) {
            ReminderKey key = new ReminderKey(7, 1);
            // Far off: were it not replaced, its trigger would keep the scheduler from ever being idle.
            reminders.schedule(key, 42, Instant.now().plus(Duration.ofHours(1)));
            Instant replacement = soon();
            reminders.schedule(key, 42, replacement);

            awaitAllFired(db, 1);
            assertThat(InboxRows.all(db)).extracting(InboxRows.Row::dedupKey)
                    .containsExactly("reminder:7:1:" + replacement.toEpochMilli());
        }
    }

    @Test
    void cancelling_drops_every_pending_reminder_of_the_instance_only() {
        try (Database db = TestDatabases.open(); QuartzReminders reminders = start(db, DEFAULTS)) {
            // Those of instance 7 are far off, so none fires before the cancel however slow the machine; were they
            // not cancelled, their triggers would keep the scheduler from ever being idle.
            Instant later = Instant.now().plus(Duration.ofHours(1));
            reminders.schedule(new ReminderKey(7, 1), 42, later);
            reminders.schedule(new ReminderKey(7, 2), 42, later);
            Instant at = soon();
            reminders.schedule(new ReminderKey(8, 1), 43, at);
            reminders.cancelAll(7);

            awaitAllFired(db, 1);
            assertThat(InboxRows.all(db)).extracting(InboxRows.Row::dedupKey)
                    .containsExactly("reminder:8:1:" + at.toEpochMilli());
        }
    }

    @Test
    void a_reminder_missed_while_no_bot_ran_fires_once_when_one_starts() {
        // A short misfire threshold makes a second of downtime a misfire, as a day would be in production.
        SchedulerTuning quickMisfire = new SchedulerTuning(2, Duration.ofSeconds(15), Duration.ofMillis(100),
                Duration.ofSeconds(30));
        String url = TestDatabases.freshUrl();
        Instant at = soon();
        try (Database db = TestDatabases.reopen(url); QuartzReminders first = start(db, quickMisfire)) {
            first.schedule(new ReminderKey(7, 1), 42, at);
        }
        Await.until("the reminder to be overdue", WAIT, () -> Instant.now().isAfter(at.plusSeconds(1)));

        try (Database db = TestDatabases.reopen(url)) {
            assertThat(InboxRows.count(db)).isZero();
            try (QuartzReminders second = start(db, quickMisfire)) {
                awaitAllFired(db, 1);
                assertThat(InboxRows.all(db)).extracting(InboxRows.Row::dedupKey)
                        .containsExactly("reminder:7:1:" + at.toEpochMilli());
            }
        }
    }

    @Test
    void a_reminder_scheduled_in_the_past_fires_at_once() {
        // Quartz's misfire handler looks once per threshold: with an hour, a reminder that waited for it would not
        // fire while the test waits.
        SchedulerTuning hourlyMisfires = new SchedulerTuning(2, Duration.ofSeconds(15), Duration.ofHours(1),
                Duration.ofSeconds(30));
        try (Database db = TestDatabases.open(); QuartzReminders reminders = start(db, hourlyMisfires)) {
            Instant at = Instant.now().minus(Duration.ofHours(2));
            reminders.schedule(new ReminderKey(7, 3), 42, at);

            awaitAllFired(db, 1);
            assertThat(InboxRows.all(db)).extracting(InboxRows.Row::dedupKey)
                    .containsExactly("reminder:7:3:" + at.toEpochMilli());
        }
    }

    @Test
    void a_two_day_reminder_fires_after_two_days_of_the_bots_clock() {
        Duration after = Duration.ofDays(2);
        // The bot's clock stands two days minus one second behind: the reminder is due one real second from now.
        Clock behind = Clock.offset(Clock.systemUTC(), after.minusSeconds(1).negated());
        try (Database db = TestDatabases.open();
                QuartzReminders reminders = start(db, new Inbox(db, behind)::accept, behind, DEFAULTS)) {
            long started = System.nanoTime();
            Instant earliestDue = behind.instant().plus(after).truncatedTo(ChronoUnit.MILLIS);
            reminders.scheduleAfter(new ReminderKey(7, 1), 42, after);
            Instant latestDue = behind.instant().plus(after);

            Await.until("the reminder", WAIT, () -> InboxRows.count(db) == 1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not before it was due")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(900));
            String dedupKey = InboxRows.all(db).get(0).dedupKey();
            Instant due = Instant.ofEpochMilli(Long.parseLong(dedupKey.substring(dedupKey.lastIndexOf(':') + 1)));
            assertThat(due).isBetween(earliestDue, latestDue);
        }
    }

    @Test
    void a_reminder_the_inbox_refused_fires_again_later() {
        SchedulerTuning quickRetry = new SchedulerTuning(2, Duration.ofSeconds(15), Duration.ofMinutes(1),
                Duration.ofMillis(200));
        try (Database db = TestDatabases.open()) {
            Inbox inbox = new Inbox(db, Clock.systemUTC());
            AtomicInteger attempts = new AtomicInteger();
            Function<NewInboxEvent, Acceptance> failingOnce = event -> {
                if (attempts.incrementAndGet() == 1) throw new IllegalStateException("database hiccup");
                return inbox.accept(event);
            };
            try (QuartzReminders reminders = start(db, failingOnce, Clock.systemUTC(), quickRetry)) {
                Instant at = soon();
                reminders.schedule(new ReminderKey(7, 1), 42, at);

                awaitAllFired(db, 1);
                assertThat(attempts).hasValue(2);
                assertThat(InboxRows.all(db)).extracting(InboxRows.Row::dedupKey)
                        .containsExactly("reminder:7:1:" + at.toEpochMilli());
                assertThat(wakeUps).hasValue(1);
            }
        }
    }
}
