package dev.supportbot.bot.scheduler;

import dev.supportbot.bot.inbox.Acceptance;
import dev.supportbot.bot.inbox.NewInboxEvent;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a due reminder in the inbox and wakes the inbox workers. A second firing of the same reminder is stored once
 * (the inbox de-duplicates). When the inbox cannot take it, the job fires again after {@code retryDelay}: a
 * one-shot trigger that simply failed would lose the reminder.
 */
final class ReminderDueJob implements Job {
    private static final Logger log = LoggerFactory.getLogger(ReminderDueJob.class);

    private final Function<NewInboxEvent, Acceptance> inbox;
    private final Runnable wakeUp;
    private final Duration retryDelay;

    ReminderDueJob(Function<NewInboxEvent, Acceptance> inbox, Runnable wakeUp, Duration retryDelay) {
        this.inbox = inbox;
        this.wakeUp = wakeUp;
        this.retryDelay = retryDelay;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        ReminderDue due = ReminderDue.from(context.getMergedJobDataMap());
        Acceptance acceptance;
        try {
            acceptance = inbox.apply(due.inboxEvent());
        } catch (RuntimeException e) {
            retryLater(context, due, e);
            return;
        }
        if (acceptance == Acceptance.ACCEPTED) wakeUp.run();
    }

    private void retryLater(JobExecutionContext context, ReminderDue due, RuntimeException cause)
            throws JobExecutionException {
        TriggerKey retryKey = new TriggerKey(due.triggerKey().getName() + "-retry-" + UUID.randomUUID(),
                due.triggerKey().getGroup());
        try {
            context.getScheduler().scheduleJob(due.trigger(retryKey, QuartzReminders.QUARTZ_CLOCK.instant().plus(retryDelay)));
        } catch (SchedulerException e) {
            e.addSuppressed(cause);
            log.error("reminder {} of instance {} lost: the inbox refused it and no retry could be scheduled",
                    due.key().sequence(), due.key().instanceId(), e);
            throw new JobExecutionException(e, false);
        }
        log.warn("reminder {} of instance {} not stored, retrying in {}: {}", due.key().sequence(),
                due.key().instanceId(), retryDelay, cause.toString());
    }
}
