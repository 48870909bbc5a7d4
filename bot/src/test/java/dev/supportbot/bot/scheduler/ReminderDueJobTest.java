package dev.supportbot.bot.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.impl.JobExecutionContextImpl;
import org.quartz.spi.OperableTrigger;
import org.quartz.spi.TriggerFiredBundle;

class ReminderDueJobTest {

    @Test
    void a_reminder_fired_twice_is_stored_once() throws Exception {
        try (Database db = TestDatabases.open()) {
            AtomicInteger wakeUps = new AtomicInteger();
            Inbox inbox = new Inbox(db, Clock.systemUTC());
            ReminderDue due = new ReminderDue(new ReminderKey(7, 1), 42, Instant.parse("2026-11-24T10:00:00Z"));

            // The second firing comes late, as a misfire or a cluster recovery would: Quartz's fire time moved.
            fire(due, inbox, wakeUps, due.dueAt());
            fire(due, inbox, wakeUps, due.dueAt().plus(Duration.ofMinutes(3)));

            assertThat(InboxRows.all(db)).extracting(InboxRows.Row::dedupKey)
                    .containsExactly("reminder:7:1:" + due.dueAt().toEpochMilli());
            assertThat(wakeUps).hasValue(1);
        }
    }

    private static void fire(ReminderDue due, Inbox inbox, AtomicInteger wakeUps, Instant scheduledFireTime)
            throws Exception {
        JobDetail job = JobBuilder.newJob(ReminderDueJob.class).withIdentity(due.jobKey()).build();
        OperableTrigger trigger = (OperableTrigger) due.trigger(due.triggerKey(), due.dueAt());
        Date fired = Date.from(scheduledFireTime);
        TriggerFiredBundle bundle = new TriggerFiredBundle(job, trigger, null, false, fired, fired, null, null);
        ReminderDueJob reminderJob =
                new ReminderDueJob(inbox::accept, wakeUps::incrementAndGet, Duration.ofSeconds(30));
        reminderJob.execute(new JobExecutionContextImpl(null, bundle, reminderJob));
    }
}
