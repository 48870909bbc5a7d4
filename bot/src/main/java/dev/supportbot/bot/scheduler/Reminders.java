package dev.supportbot.bot.scheduler;

import java.time.Duration;
import java.time.Instant;

/**
 * Reminders that fall due as a {@code reminder_due} inbox event carrying the instance, sequence and ticket ids.
 * Delivery is at least once: a reminder may arrive late or twice, so its handler checks the workflow's state.
 */
public interface Reminders {

    /** Schedules the reminder for {@code at}, replacing a pending one with the same key. A past time is due now. */
    void schedule(ReminderKey key, long ticketId, Instant at);

    /** Schedules the reminder {@code after} from now on the bot's clock. */
    void scheduleAfter(ReminderKey key, long ticketId, Duration after);

    /** Drops every pending reminder of the instance. */
    void cancelAll(long instanceId);
}
