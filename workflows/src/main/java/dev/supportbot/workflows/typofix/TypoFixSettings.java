package dev.supportbot.workflows.typofix;

import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.WorkflowSetting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The settings of a typo fix, and the reminders they give. */
final class TypoFixSettings {
    static final WorkflowSetting<Duration> APPROVAL_TTL = WorkflowSetting.duration("typo_fix.approval_ttl",
            "BOT_TYPO_FIX_APPROVAL_TTL", "72h",
            "typo fix: how long a plan waits for approval before it expires, counted from the request");
    static final WorkflowSetting<Duration> REMINDER_1 = WorkflowSetting.duration("typo_fix.reminder_1",
            "BOT_TYPO_FIX_REMINDER_1", "1d",
            "typo fix: first reminder to the account manager who owes the confirmation, counted from the question");
    static final WorkflowSetting<Duration> REMINDER_2 = WorkflowSetting.duration("typo_fix.reminder_2",
            "BOT_TYPO_FIX_REMINDER_2", "3d", "typo fix: second reminder, counted from the question");
    static final WorkflowSetting<Duration> EXPIRY = WorkflowSetting.duration("typo_fix.expiry",
            "BOT_TYPO_FIX_EXPIRY", "7d",
            "typo fix: close as expired when the account manager has not confirmed, counted from the question");

    static final List<WorkflowSetting<?>> ALL = List.of(APPROVAL_TTL, REMINDER_1, REMINDER_2, EXPIRY);

    /** Reminder sequences: the two reminders, the confirmation's expiry, the approval's expiry. */
    static final int CONFIRMATION_EXPIRY = 3;
    static final int APPROVAL_EXPIRY = 4;

    private TypoFixSettings() {}

    static Duration confirmationDelay(int sequence, Context ctx) {
        return switch (sequence) {
            case 1 -> ctx.setting(REMINDER_1);
            case 2 -> ctx.setting(REMINDER_2);
            case CONFIRMATION_EXPIRY -> ctx.setting(EXPIRY);
            default -> throw new IllegalArgumentException("no confirmation reminder " + sequence);
        };
    }

    /** The reminders and the expiry of a question to the AM; scheduling them again replaces the earlier ones. */
    static List<Effect> confirmationReminders(Context ctx) {
        List<Effect> effects = new ArrayList<>();
        Duration expiry = ctx.setting(EXPIRY);
        for (int sequence = 1; sequence < CONFIRMATION_EXPIRY; sequence++) {
            Duration delay = confirmationDelay(sequence, ctx);
            if (delay.compareTo(expiry) < 0) effects.add(new Effect.ScheduleReminder(sequence, delay));
        }
        effects.add(new Effect.ScheduleReminder(CONFIRMATION_EXPIRY, expiry));
        return effects;
    }
}
