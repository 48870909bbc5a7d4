package dev.supportbot.bot.engine;

import java.time.Instant;

/** Durable reminders as the engine needs them; scheduling (instance, sequence) again replaces the earlier one. */
public interface ReminderPort {
    void schedule(long instanceId, int sequence, long ticketId, Instant at);

    void cancelAll(long instanceId);
}
