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
            "change contact: first reminder to a requester who has not reported back on the self-service change,"
                    + " counted from the instructions");
    static final WorkflowSetting<Duration> REMINDER_2 = WorkflowSetting.duration("change_contact.reminder_2",
            "BOT_CHANGE_CONTACT_REMINDER_2", "4d", "change contact: second reminder, counted from the instructions");
    static final WorkflowSetting<Duration> EXPIRY = WorkflowSetting.duration("change_contact.expiry",
            "BOT_CHANGE_CONTACT_EXPIRY", "7d",
            "change contact: close as expired when the requester has not reported back, counted from the instructions");

    static final List<WorkflowSetting<?>> ALL = List.of(APPROVAL_TTL, APPROVERS, REMINDER_1, REMINDER_2, EXPIRY);

    /** Reminder sequences: the two reminders, the self-service expiry, the approval's expiry. */
    static final int SELF_SERVICE_EXPIRY = 3;
    static final int APPROVAL_EXPIRY = 4;

    private ChangeContactSettings() {}

    static void check(WorkflowSettings settings) {
        int approvers = settings.get(APPROVERS);
        if (approvers < 1) throw new IllegalArgumentException(APPROVERS.key() + " must be at least 1, not " + approvers);
    }

    static Duration selfServiceDelay(int sequence, Context ctx) {
        return switch (sequence) {
            case 1 -> ctx.setting(REMINDER_1);
            case 2 -> ctx.setting(REMINDER_2);
            case SELF_SERVICE_EXPIRY -> ctx.setting(EXPIRY);
            default -> throw new IllegalArgumentException("no self-service reminder " + sequence);
        };
    }

    /** The reminders and the expiry of the self-service wait; a reminder not before the expiry is left out. */
    static List<Effect> selfServiceReminders(Context ctx) {
        List<Effect> effects = new ArrayList<>();
        Duration expiry = ctx.setting(EXPIRY);
        for (int sequence = 1; sequence < SELF_SERVICE_EXPIRY; sequence++) {
            Duration delay = selfServiceDelay(sequence, ctx);
            if (delay.compareTo(expiry) < 0) effects.add(new Effect.ScheduleReminder(sequence, delay));
        }
        effects.add(new Effect.ScheduleReminder(SELF_SERVICE_EXPIRY, expiry));
        return effects;
    }
}
