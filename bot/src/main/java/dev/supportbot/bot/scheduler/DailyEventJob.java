package dev.supportbot.bot.scheduler;

import dev.supportbot.bot.inbox.Acceptance;
import dev.supportbot.bot.inbox.NewInboxEvent;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.function.Function;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daily job (e.g. the approvals digest): puts one event of its source in the inbox, keyed by the UTC day it was
 * scheduled for, so that a second firing of the same day (a recovered job, two schedulers) is stored once. The
 * clustered scheduler fires it on one instance; a day missed while no bot ran fires once when one starts. A firing
 * the inbox refused is not retried (the next day's comes).
 */
final class DailyEventJob implements Job {
    static final String SOURCE = "source";
    private static final Logger log = LoggerFactory.getLogger(DailyEventJob.class);

    private final Function<NewInboxEvent, Acceptance> inbox;
    private final Runnable wakeUp;

    DailyEventJob(Function<NewInboxEvent, Acceptance> inbox, Runnable wakeUp) {
        this.inbox = inbox;
        this.wakeUp = wakeUp;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String source = context.getMergedJobDataMap().getString(SOURCE);
        Date scheduled = context.getScheduledFireTime() == null ? new Date() : context.getScheduledFireTime();
        String day = scheduled.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        try {
            if (inbox.apply(new NewInboxEvent(source, source + ":" + day, "daily", null, "{\"day\":\"" + day + "\",\"scheduled\":\"" + scheduled.toInstant() + "\"}"))
                    == Acceptance.ACCEPTED) {
                wakeUp.run();
            }
        } catch (RuntimeException e) {
            log.warn("daily event {} of {} not stored: {}", source, day, e.toString());
        }
    }
}
