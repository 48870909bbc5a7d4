package dev.supportbot.workflows.addcontact;

import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.WorkflowSetting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The settings of adding a contact, and the reminders they give. */
final class AddContactSettings {
    static final WorkflowSetting<Duration> APPROVAL_TTL = WorkflowSetting.duration("add_contact.approval_ttl",
            "BOT_ADD_CONTACT_APPROVAL_TTL", "72h",
            "add contact: how long a plan waits for approval before it expires, counted from the request");
    static final WorkflowSetting<Duration> REMINDER_1 = WorkflowSetting.duration("add_contact.reminder_1",
            "BOT_ADD_CONTACT_REMINDER_1", "2d",
            "add contact: first reminder to a requester who owes an answer, counted from the question");
    static final WorkflowSetting<Duration> REMINDER_2 = WorkflowSetting.duration("add_contact.reminder_2",
            "BOT_ADD_CONTACT_REMINDER_2", "4d", "add contact: second reminder, counted from the question");
    static final WorkflowSetting<Duration> EXPIRY = WorkflowSetting.duration("add_contact.expiry",
            "BOT_ADD_CONTACT_EXPIRY", "7d",
            "add contact: close as expired when the requester has not answered, counted from the question");

    static final List<WorkflowSetting<?>> ALL = List.of(APPROVAL_TTL, REMINDER_1, REMINDER_2, EXPIRY);

    /** Reminder sequences: the two reminders, the answer's expiry, the approval's expiry. */
    static final int ANSWER_EXPIRY = 3;
    static final int APPROVAL_EXPIRY = 4;

    private AddContactSettings() {}

    /** Delay of answer reminder {@code sequence} (1, 2) or of the answer's expiry (3), counted from the question. */
    static Duration answerDelay(int sequence, Context ctx) {
        return switch (sequence) {
            case 1 -> ctx.setting(REMINDER_1);
            case 2 -> ctx.setting(REMINDER_2);
            case ANSWER_EXPIRY -> ctx.setting(EXPIRY);
            default -> throw new IllegalArgumentException("no answer reminder " + sequence);
        };
    }

    /** The reminders and the expiry of a question to the requester; a reminder not before the expiry is left out. */
    static List<Effect> answerReminders(Context ctx) {
        List<Effect> effects = new ArrayList<>();
        Duration expiry = ctx.setting(EXPIRY);
        for (int sequence = 1; sequence < ANSWER_EXPIRY; sequence++) {
            Duration delay = answerDelay(sequence, ctx);
            if (delay.compareTo(expiry) < 0) effects.add(new Effect.ScheduleReminder(sequence, delay));
        }
        effects.add(new Effect.ScheduleReminder(ANSWER_EXPIRY, expiry));
        return effects;
    }
}
