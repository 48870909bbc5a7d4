package dev.supportbot.bot.scheduler;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.Settings;
import java.time.Duration;

/**
 * How the reminder scheduler runs. {@code misfireThreshold}: how late a trigger may fire normally before Quartz's
 * misfire handler takes it (and fires it now); {@code retryDelay}: when a reminder the inbox refused fires again.
 */
record SchedulerTuning(int threads, Duration clusterCheckin, Duration misfireThreshold, Duration retryDelay) {

    static SchedulerTuning from(BotConfig config) {
        return new SchedulerTuning(config.get(Settings.SCHEDULER_THREADS),
                config.get(Settings.SCHEDULER_CLUSTER_CHECKIN), Duration.ofMinutes(1), Duration.ofSeconds(30));
    }
}
