package dev.supportbot.workflows.changecontact;

import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.WorkflowSetting;
import dev.supportbot.workflows.engine.WorkflowSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The settings of a contact change, and the reminders they give. */
final class ChangeContactSettings {
    static final WorkflowSetting<Duration> APPROVAL_TTL = WorkflowSetting.duration("change_contact.approval_ttl",
            "BOT_CHANGE_CONTACT_APPROVAL_TTL", "72h",
            "change contact: how long a plan waits for approval before it expires, counted from the request");
    static final WorkflowSetting<Integer> APPROVERS = WorkflowSetting.integer("change_contact.approvers",
            "BOT_CHANGE_CONTACT_APPROVERS", "2",
            "change contact: how many different approvers a change of ownership (any plan of this workflow) needs; at least 1");
    static final WorkflowSetting<Duration> REMINDER_1 = WorkflowSetting.duration("change_contact.reminder_1",
            "BOT_CHANGE_CONTACT_REMINDER_1", "2d",
            "change contact: first reminder to a requester who has not reported back on the self-service change, or not"
                    + " answered whether to leave their other billing account, counted from the instructions or the question");
    static final WorkflowSetting<Duration> REMINDER_2 = WorkflowSetting.duration("change_contact.reminder_2",
            "BOT_CHANGE_CONTACT_REMINDER_2", "4d", "change contact: second reminder, counted from the instructions or the question");
    static final WorkflowSetting<Duration> EXPIRY = WorkflowSetting.duration("change_contact.expiry",
            "BOT_CHANGE_CONTACT_EXPIRY", "7d",
            "change contact: close as expired when the requester has not reported back or answered, counted from the"
                    + " instructions or the question");

    static final List<WorkflowSetting<?>> ALL = List.of(APPROVAL_TTL, APPROVERS, REMINDER_1, REMINDER_2, EXPIRY);

    /**
     * Reminder sequences: the self-service wait's two reminders and expiry, the approval's expiry, then the question's
     * two reminders and expiry (the same delays as the self-service wait's, counted from the question).
     */
    static final int SELF_SERVICE_EXPIRY = 3;
    static final int APPROVAL_EXPIRY = 4;
    static final int ANSWER_REMINDER_1 = 5;
    static final int ANSWER_EXPIRY = 7;

    private ChangeContactSettings() {}

    static void check(WorkflowSettings settings) {
        int approvers = settings.get(APPROVERS);
        if (approvers < 1) throw new IllegalArgumentException(APPROVERS.key() + " must be at least 1, not " + approvers);
    }

    /** Delay of the question's reminder {@code sequence} (5, 6) or of its expiry (7), counted from the question. */
    static Duration answerDelay(int sequence, Context ctx) {
        return delay(sequence - ANSWER_REMINDER_1 + 1, ctx);
    }

    /** The reminders and the expiry of the self-service wait; a reminder not before the expiry is left out. */
    static List<Effect> selfServiceReminders(Context ctx) {
        return reminders(1, ctx);
    }

    /** The reminders and the expiry of the question to the requester, likewise. */
    static List<Effect> answerReminders(Context ctx) {
        return reminders(ANSWER_REMINDER_1, ctx);
    }

    private static Duration delay(int nth, Context ctx) {
        return switch (nth) {
            case 1 -> ctx.setting(REMINDER_1);
            case 2 -> ctx.setting(REMINDER_2);
            case 3 -> ctx.setting(EXPIRY);
            default -> throw new IllegalArgumentException("no reminder " + nth);
        };
    }

    private static List<Effect> reminders(int firstSequence, Context ctx) {
        List<Effect> effects = new ArrayList<>();
        Duration expiry = ctx.setting(EXPIRY);
        for (int nth = 1; nth < 3; nth++) {
            if (delay(nth, ctx).compareTo(expiry) < 0) {
                effects.add(new Effect.ScheduleReminder(firstSequence + nth - 1, delay(nth, ctx)));
            }
        }
        effects.add(new Effect.ScheduleReminder(firstSequence + 2, expiry));
        return effects;
    }
}
