package dev.supportbot.workflows.changecontact;

import dev.supportbot.workflows.approved.ApprovalGate;
import dev.supportbot.workflows.engine.AnswerWait;
import dev.supportbot.workflows.engine.WorkflowSetting;
import dev.supportbot.workflows.engine.WorkflowSettings;
import java.time.Duration;
import java.util.List;

/** The settings of a contact change. */
final class ChangeContactSettings {
    static final WorkflowSetting<Duration> APPROVAL_TTL = ApprovalGate.approvalTtl("change_contact");
    static final WorkflowSetting<Integer> APPROVERS = WorkflowSetting.integer("change_contact.approvers",
            "BOT_CHANGE_CONTACT_APPROVERS", "2",
            "change contact: how many different approvers a change of ownership (any plan of this workflow) needs; at least 1");

    /**
     * Reminder sequences: the self-service wait's two reminders and expiry, the approval's expiry, then the question's
     * two reminders and expiry (the same delays as the self-service wait's, counted from the question).
     */
    static final AnswerWait SELF_SERVICE = AnswerWait.of("change_contact", 1,
            "2d", "change contact: first reminder to a requester who has not reported back on the self-service change, or not"
                    + " answered whether to leave their other billing account, counted from the instructions or the question",
            "4d", "change contact: second reminder, counted from the instructions or the question",
            "7d", "change contact: close as expired when the requester has not reported back or answered, counted from the"
                    + " instructions or the question");
    static final AnswerWait ANSWER = SELF_SERVICE.startingAt(5);
    static final WorkflowSetting<Duration> EXPIRY = SELF_SERVICE.expiry();
    static final int SELF_SERVICE_EXPIRY = SELF_SERVICE.expirySequence();
    static final int APPROVAL_EXPIRY = 4;
    static final int ANSWER_REMINDER_1 = ANSWER.first();
    static final int ANSWER_EXPIRY = ANSWER.expirySequence();

    static final List<WorkflowSetting<?>> ALL = ApprovalGate.settings(APPROVAL_TTL,
            List.of(APPROVERS, SELF_SERVICE.reminder1(), SELF_SERVICE.reminder2(), EXPIRY));

    private ChangeContactSettings() {}

    static void check(WorkflowSettings settings) {
        int approvers = settings.get(APPROVERS);
        if (approvers < 1) throw new IllegalArgumentException(APPROVERS.key() + " must be at least 1, not " + approvers);
    }
}
