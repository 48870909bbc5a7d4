package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.WorkflowSetting;
import dev.supportbot.workflows.engine.WorkflowSettings;
import java.time.Duration;
import java.util.List;

/**
 * When ownership verification reminds a requester who owes an answer, and when it gives up, all counted from the
 * request. Reminder {@code i} (1-based) is reminder sequence {@code i}; the expiry is sequence {@link #EXPIRY_SEQUENCE}.
 */
final class OwnershipSettings {
    static final WorkflowSetting<Duration> REMINDER_1 = WorkflowSetting.duration("ownership.reminder_1", "BOT_OV_REMINDER_1", "2d",
            "ownership verification: first reminder to the requester, counted from the request");
    static final WorkflowSetting<Duration> REMINDER_2 = WorkflowSetting.duration("ownership.reminder_2", "BOT_OV_REMINDER_2", "4d",
            "ownership verification: second reminder, counted from the request");
    static final WorkflowSetting<Duration> EXPIRY = WorkflowSetting.duration("ownership.expiry", "BOT_OV_EXPIRY", "7d",
            "ownership verification: close as expired without proof, counted from the request");
    static final List<WorkflowSetting<?>> ALL = List.of(REMINDER_1, REMINDER_2, EXPIRY);

    static final int EXPIRY_SEQUENCE = 3;

    private OwnershipSettings() {}

    static List<Duration> reminderDelays(Context ctx) {
        return List.of(ctx.setting(REMINDER_1), ctx.setting(REMINDER_2));
    }

    /** Delay of reminder {@code sequence} (1-based), the expiry delay for {@link #EXPIRY_SEQUENCE}. */
    static Duration delayOf(int sequence, Context ctx) {
        if (sequence == EXPIRY_SEQUENCE) return ctx.setting(EXPIRY);
        if (sequence >= 1 && sequence < EXPIRY_SEQUENCE) return reminderDelays(ctx).get(sequence - 1);
        throw new IllegalArgumentException("no reminder " + sequence);
    }

    /** Reminders come in order, and before the expiry. */
    static void check(WorkflowSettings settings) {
        notLonger(settings, REMINDER_1, REMINDER_2);
        notLonger(settings, REMINDER_2, EXPIRY);
    }

    private static void notLonger(WorkflowSettings settings, WorkflowSetting<Duration> shorter, WorkflowSetting<Duration> longer) {
        if (settings.get(shorter).compareTo(settings.get(longer)) > 0) {
            throw new IllegalArgumentException(shorter.key() + ": must not be longer than " + longer.key());
        }
    }
}
