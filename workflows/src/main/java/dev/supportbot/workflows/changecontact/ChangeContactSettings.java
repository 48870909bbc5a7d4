package dev.supportbot.workflows.changecontact;

import dev.supportbot.workflows.approved.BillingCheck;
import dev.supportbot.workflows.approved.ApprovalGate;
import dev.supportbot.workflows.engine.AnswerWait;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.WorkflowSetting;
import dev.supportbot.workflows.engine.WorkflowSettings;
import java.time.Duration;
import java.util.List;

/** The settings of a contact change, and the reminders they give. */
final class ChangeContactSettings {
    static final WorkflowSetting<Duration> APPROVAL_TTL = ApprovalGate.approvalTtl("change_contact", "change contact");
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

    static final List<WorkflowSetting<?>> ALL = List.of(APPROVAL_TTL, APPROVERS, REMINDER_1, REMINDER_2, EXPIRY, BillingCheck.TEAM, BillingCheck.TAG);

    /**
     * Reminder sequences: the self-service wait's two reminders and expiry, the approval's expiry, then the question's
     * two reminders and expiry (the same delays as the self-service wait's, counted from the question).
     */
    static final AnswerWait SELF_SERVICE = new AnswerWait(1, REMINDER_1, REMINDER_2, EXPIRY);
    static final AnswerWait ANSWER = new AnswerWait(5, REMINDER_1, REMINDER_2, EXPIRY);
    static final int SELF_SERVICE_EXPIRY = SELF_SERVICE.expirySequence();
    static final int APPROVAL_EXPIRY = 4;
    static final int ANSWER_REMINDER_1 = ANSWER.first();
    static final int ANSWER_EXPIRY = ANSWER.expirySequence();

    private ChangeContactSettings() {}

    static void check(WorkflowSettings settings) {
        int approvers = settings.get(APPROVERS);
        if (approvers < 1) throw new IllegalArgumentException(APPROVERS.key() + " must be at least 1, not " + approvers);
    }

    /** Delay of the question's reminder {@code sequence} (5, 6) or of its expiry (7), counted from the question. */
    static Duration answerDelay(int sequence, Context ctx) {
        return ANSWER.delay(sequence, ctx);
    }

    /** The reminders and the expiry of the self-service wait; a reminder not before the expiry is left out. */
    static List<Effect> selfServiceReminders(Context ctx) {
        return SELF_SERVICE.reminders(ctx);
    }

    /** The reminders and the expiry of the question to the requester, likewise. */
    static List<Effect> answerReminders(Context ctx) {
        return ANSWER.reminders(ctx);
    }
}
