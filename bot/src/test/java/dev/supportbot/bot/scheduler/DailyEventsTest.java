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
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Daily inbox events (the approvals digest) on two bot instances sharing one PostgreSQL database. */
class DailyEventsTest {

    @Test
    void each_firing_happens_on_one_instance_and_a_day_is_stored_once() {
        String url = TestDatabases.freshUrl();
        List<NewInboxEvent> fired = new CopyOnWriteArrayList<>();
        try (Database dbA = TestDatabases.reopen(url);
                Database dbB = TestDatabases.reopen(url);
                QuartzReminders a = start(dbA, fired);
                QuartzReminders b = start(dbB, fired)) {
            // Both instances schedule it, as every bot does at start; the second finds it scheduled.
            a.repeat("approvals-digest", "* * * * * ?");
            b.repeat("approvals-digest", "* * * * * ?");

            Await.until("4 firings", Duration.ofSeconds(20), () -> fired.size() >= 4);
            b.daily("approvals-digest", Optional.empty());
            a.daily("approvals-digest", Optional.empty());

            // No scheduled second fired twice (on two instances), and the day's event is stored once.
            List<String> payloads = fired.stream().map(NewInboxEvent::payload).toList();
            assertThat(payloads).doesNotHaveDuplicates();
            assertThat(fired).extracting(NewInboxEvent::dedupKey).allMatch(k -> k.matches("approvals-digest:\\d{4}-\\d{2}-\\d{2}"));
            long rows = dbA.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inbox WHERE source = 'approvals-digest'")
                    .mapTo(Long.class).one());
            assertThat(rows).isBetween(1L, 2L); // 2 only if the test ran across midnight UTC
        }
    }

    @Test
    void the_daily_schedule_is_a_utc_cron_that_can_be_switched_off() {
        try (Database db = TestDatabases.open();
                QuartzReminders reminders = start(db, new CopyOnWriteArrayList<>())) {
            reminders.daily("approvals-digest", Optional.of(LocalTime.of(9, 30)));
            reminders.daily("approvals-digest", Optional.of(LocalTime.of(9, 0)));
            assertThat(cron(db)).containsExactly("0 0 9 ? * * UTC");
            reminders.daily("approvals-digest", Optional.of(LocalTime.of(9, 0)));
            assertThat(cron(db)).hasSize(1);

            reminders.daily("approvals-digest", Optional.empty());
            assertThat(cron(db)).isEmpty();
        }
    }

    private static List<String> cron(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT CRON_EXPRESSION, TIME_ZONE_ID FROM QRTZ_CRON_TRIGGERS")
                .map((rs, ctx) -> rs.getString(1) + " " + rs.getString(2)).list());
    }

    private static QuartzReminders start(Database db, List<NewInboxEvent> fired) {
        Inbox inbox = new Inbox(db, Clock.systemUTC());
        Function<NewInboxEvent, Acceptance> recording = event -> {
            fired.add(event);
            return inbox.accept(event);
        };
        return QuartzReminders.start(db, recording, () -> {}, Clock.systemUTC(), QuartzRemindersTest.DEFAULTS);
    }
}
