package dev.supportbot.workflows.addcontact;

import dev.supportbot.workflows.approved.BillingCheck;
import dev.supportbot.workflows.approved.ApprovalGate;
import dev.supportbot.workflows.engine.AnswerWait;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.WorkflowSetting;
import java.time.Duration;
import java.util.List;

/** The settings of adding a contact, and the reminders they give. */
final class AddContactSettings {
    static final WorkflowSetting<Duration> APPROVAL_TTL = ApprovalGate.approvalTtl("add_contact", "add contact");
    static final WorkflowSetting<Duration> REMINDER_1 = WorkflowSetting.duration("add_contact.reminder_1",
            "BOT_ADD_CONTACT_REMINDER_1", "2d",
            "add contact: first reminder to a requester who owes an answer, counted from the question");
    static final WorkflowSetting<Duration> REMINDER_2 = WorkflowSetting.duration("add_contact.reminder_2",
            "BOT_ADD_CONTACT_REMINDER_2", "4d", "add contact: second reminder, counted from the question");
    static final WorkflowSetting<Duration> EXPIRY = WorkflowSetting.duration("add_contact.expiry",
            "BOT_ADD_CONTACT_EXPIRY", "7d",
            "add contact: close as expired when the requester has not answered, counted from the question");

    static final WorkflowSetting<String> SIGN_UP_URL = WorkflowSetting.text("add_contact.sign_up_url",
            "BOT_ADD_CONTACT_SIGN_UP_URL", "https://customers.gitlab.com/customers/sign_up",
            "add contact: the Customers Portal's sign-up page, sent to a requester who has no portal account yet");

    static final List<WorkflowSetting<?>> ALL = List.of(APPROVAL_TTL, REMINDER_1, REMINDER_2, EXPIRY, SIGN_UP_URL,
            BillingCheck.TEAM, BillingCheck.TAG);

    /** Reminder sequences: the two reminders and the answer's expiry (1 to 3), then the approval's expiry. */
    static final AnswerWait ANSWER = new AnswerWait(1, REMINDER_1, REMINDER_2, EXPIRY);
    static final int ANSWER_EXPIRY = ANSWER.expirySequence();
    static final int APPROVAL_EXPIRY = 4;

    private AddContactSettings() {}

    /** Delay of answer reminder {@code sequence} (1, 2) or of the answer's expiry (3), counted from the question. */
    static Duration answerDelay(int sequence, Context ctx) {
        return ANSWER.delay(sequence, ctx);
    }

    /** The reminders and the expiry of a question to the requester; a reminder not before the expiry is left out. */
    static List<Effect> answerReminders(Context ctx) {
        return ANSWER.reminders(ctx);
    }
}
