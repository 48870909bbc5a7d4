package dev.supportbot.bot.scheduler;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.inbox.Acceptance;
import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.bot.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Properties;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.simpl.SimpleThreadPool;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminders kept by Quartz in the bot's database (tables {@code QRTZ_*}, migration V30), clustered: every bot
 * instance on one database runs a scheduler under the same name, and each reminder fires on one of them. Quartz
 * fires on wall-clock time.
 */
public final class QuartzReminders implements Reminders, AutoCloseable {
    /** The same for every bot instance sharing a database: Quartz clusters schedulers by name. */
    static final String SCHEDULER_NAME = "supportbot-reminders";
    /** Quartz group of the daily jobs ({@link #daily}); reminders are grouped by instance. */
    static final String DAILY_GROUP = "daily";

    private static final Logger log = LoggerFactory.getLogger(QuartzReminders.class);
    private static final Object CREATION = new Object();

    private final Scheduler scheduler;
    private final Jdbi jdbi;
    /**
     * The clock Quartz fires triggers by: the JVM's wall clock, whatever clock the bot was given. A reminder's due time
     * comes from the bot's clock ({@code clock}); when to fire its trigger, from this one.
     */
    static final Clock QUARTZ_CLOCK = Clock.systemUTC();

    private final Clock clock;

    private QuartzReminders(Scheduler scheduler, Jdbi jdbi, Clock clock) {
        this.scheduler = scheduler;
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Starts the scheduler on the bot's database. Due reminders go to {@code inbox}; {@code wakeUp} then tells the
     * inbox workers. Reminders missed while no bot ran fire once now.
     */
    public static QuartzReminders start(Database database, Inbox inbox, Runnable wakeUp, Clock clock,
            BotConfig config) {
        return start(database, inbox::accept, wakeUp, clock, SchedulerTuning.from(config));
    }

    static QuartzReminders start(Database database, Function<NewInboxEvent, Acceptance> inbox, Runnable wakeUp,
            Clock clock, SchedulerTuning tuning) {
        String dataSourceName = "supportbot-" + UUID.randomUUID();
        DBConnectionManager.getInstance()
                .addConnectionProvider(dataSourceName, new BotConnectionProvider(database.dataSource()));
        Scheduler scheduler;
        try {
            scheduler = create(properties(dataSourceName, tuning));
        } catch (SchedulerException e) {
            throw new ReminderSchedulingException("cannot create the reminder scheduler: " + e.getMessage(), e);
        }
        try {
            scheduler.setJobFactory((bundle, s) -> {
                Class<?> type = bundle.getJobDetail().getJobClass();
                if (type == DailyEventJob.class) return new DailyEventJob(inbox, wakeUp);
                if (type != ReminderDueJob.class) throw new SchedulerException("not a reminder job: " + type.getName());
                return new ReminderDueJob(inbox, wakeUp, tuning.retryDelay());
            });
            scheduler.start();
            log.info("reminder scheduler started as cluster instance {}", scheduler.getSchedulerInstanceId());
        } catch (SchedulerException | RuntimeException e) {
            shutDownQuietly(scheduler);
            throw new ReminderSchedulingException("cannot start the reminder scheduler: " + e.getMessage(), e);
        }
        return new QuartzReminders(scheduler, database.jdbi(), clock);
    }

    /**
     * Quartz registers each scheduler JVM-wide under its name, and refuses a second one of the same name. The
     * scheduler is unregistered at once (nothing here looks it up), so that several instances, each with its own
     * pool, can share the one clustering name in one JVM (tests, or two bots embedded in one process).
     */
    private static Scheduler create(Properties properties) throws SchedulerException {
        synchronized (CREATION) {
            Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
            SchedulerRepository.getInstance().remove(SCHEDULER_NAME);
            return scheduler;
        }
    }

    private static Properties properties(String dataSourceName, SchedulerTuning tuning) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.instanceIdGenerator.class", HostInstanceIdGenerator.class.getName());
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.threadPool.class", SimpleThreadPool.class.getName());
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(tuning.threads()));
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.jobStore.class", JobStoreTX.class.getName());
        p.setProperty("org.quartz.jobStore.driverDelegateClass", PostgreSQLDelegate.class.getName());
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(tuning.clusterCheckin().toMillis()));
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(tuning.misfireThreshold().toMillis()));
        return p;
    }

    @Override
    public void schedule(ReminderKey key, long ticketId, Instant at) {
        ReminderDue due = new ReminderDue(key, ticketId, at);
        JobDetail job = JobBuilder.newJob(ReminderDueJob.class)
                .withIdentity(due.jobKey())
                .requestRecovery() // a bot that dies while storing the event: another instance runs the job again
                .build();
        // Quartz leaves a trigger already past due to its misfire handler, which looks only once per misfire
        // threshold; start it now instead.
        Instant now = QUARTZ_CLOCK.instant();
        Instant fireAt = at.isBefore(now) ? now : at;
        try {
            scheduler.scheduleJob(job, Set.of(due.trigger(due.triggerKey(), fireAt)), true);
        } catch (SchedulerException e) {
            throw new ReminderSchedulingException("cannot schedule reminder " + key.sequence() + " of instance "
                    + key.instanceId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void scheduleAfter(ReminderKey key, long ticketId, Duration after) {
        schedule(key, ticketId, clock.instant().plus(after));
    }

    @Override
    public void cancelAll(long instanceId) {
        try {
            Set<JobKey> jobs = scheduler.getJobKeys(GroupMatcher.jobGroupEquals(ReminderDue.group(instanceId)));
            scheduler.deleteJobs(new ArrayList<>(jobs));
        } catch (SchedulerException e) {
            throw new ReminderSchedulingException("cannot cancel the reminders of instance " + instanceId + ": "
                    + e.getMessage(), e);
        }
    }

    /** When the instance's next pending reminder is due (the time it was scheduled for); empty when none is pending. */
    public Optional<Instant> next(long instanceId) {
        try {
            Optional<Instant> next = Optional.empty();
            for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(ReminderDue.group(instanceId)))) {
                Trigger trigger = scheduler.getTrigger(key);
                if (trigger == null) continue; // fired and removed since the keys were read
                Instant due = ReminderDue.from(trigger.getJobDataMap()).dueAt();
                if (next.isEmpty() || due.isBefore(next.get())) next = Optional.of(due);
            }
            return next;
        } catch (SchedulerException e) {
            throw new ReminderSchedulingException("cannot read the reminders of instance " + instanceId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts an event of {@code source} in the inbox every day at {@code at} UTC, on one instance of the cluster;
     * replaces an earlier schedule of the source. Empty {@code at}: no longer.
     */
    public void daily(String source, Optional<LocalTime> at) {
        if (at.isEmpty()) {
            try {
                scheduler.deleteJob(new JobKey(source, DAILY_GROUP));
            } catch (SchedulerException e) {
                throw new ReminderSchedulingException("cannot unschedule the daily " + source + ": " + e.getMessage(), e);
            }
            return;
        }
        repeat(source, "0 " + at.get().getMinute() + " " + at.get().getHour() + " ? * *");
    }

    /**
     * {@link #daily} on any cron expression in UTC (tests fire it every second). An identical schedule is left as it
     * is, so that the bots starting one after another do not reschedule it under each other's feet.
     */
    void repeat(String source, String cron) {
        JobKey key = new JobKey(source, DAILY_GROUP);
        TriggerKey triggerKey = new TriggerKey(source, DAILY_GROUP);
        try {
            if (scheduler.getTrigger(triggerKey) instanceof CronTrigger existing && existing.getCronExpression().equals(cron)
                    && existing.getTimeZone().hasSameRules(TimeZone.getTimeZone(ZoneOffset.UTC))) {
                return;
            }
            JobDetail job = JobBuilder.newJob(DailyEventJob.class).withIdentity(key)
                    .usingJobData(DailyEventJob.SOURCE, source).build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(triggerKey)
                    .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            scheduler.scheduleJob(job, Set.of(trigger), true);
        } catch (SchedulerException | RuntimeException e) {
            throw new ReminderSchedulingException("cannot schedule the daily " + source + ": " + e.getMessage(), e);
        }
    }

    /** Fires no more reminders from this instance (it is stopping); another instance of the cluster fires them. */
    public void standby() {
        try {
            scheduler.standby();
        } catch (SchedulerException e) {
            log.warn("could not put the reminder scheduler in standby; it stops with the bot: {}", e.getMessage());
        }
    }

    /** Stops taking reminders and waits for running jobs; pending reminders stay in the database. */
    @Override
    public void close() {
        String instanceId;
        try {
            instanceId = scheduler.getSchedulerInstanceId();
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            throw new ReminderSchedulingException("cannot stop the reminder scheduler: " + e.getMessage(), e);
        }
        handBackAcquiredTriggers(instanceId);
    }

    /**
     * Quartz keeps the triggers this instance had acquired for its next firings when it shuts down
     * (quartz-scheduler/quartz#905): they stay put until cluster recovery, which starts only once this instance's
     * check-in is overdue (check-in interval + 7.5 s). Backdating the check-in lets the next instance to start, or a
     * running one at its next check-in, recover them at once, through Quartz's own recovery.
     */
    private void handBackAcquiredTriggers(String instanceId) {
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                            UPDATE QRTZ_SCHEDULER_STATE SET LAST_CHECKIN_TIME = 0
                            WHERE SCHED_NAME = :scheduler AND INSTANCE_NAME = :instance""")
                    .bind("scheduler", SCHEDULER_NAME)
                    .bind("instance", instanceId)
                    .execute());
        } catch (RuntimeException e) {
            log.warn("could not mark reminder scheduler {} as stopped; the cluster will notice it later: {}",
                    instanceId, e.toString());
        }
    }

    private static void shutDownQuietly(Scheduler scheduler) {
        try {
            scheduler.shutdown(false);
        } catch (SchedulerException | RuntimeException e) {
            log.debug("reminder scheduler did not shut down cleanly after a failed start", e);
        }
    }
}
