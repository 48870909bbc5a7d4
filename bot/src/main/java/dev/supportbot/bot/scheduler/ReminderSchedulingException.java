package dev.supportbot.bot.scheduler;

/** The reminder scheduler could not start, stop, or store a change (its database is unreachable, mostly). */
public final class ReminderSchedulingException extends RuntimeException {
    ReminderSchedulingException(String message, Throwable cause) {
        super(message, cause);
    }
}
