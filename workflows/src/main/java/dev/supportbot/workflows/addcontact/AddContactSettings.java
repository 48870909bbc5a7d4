package dev.supportbot.workflows.addcontact;

import dev.supportbot.workflows.approved.ApprovalGate;
import dev.supportbot.workflows.engine.AnswerWait;
import dev.supportbot.workflows.engine.WorkflowSetting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of adding a contact. Reminder sequences: the question's two reminders and expiry (1 to 3), then the
 * approval's expiry.
 */
final class AddContactSettings {
    static final WorkflowSetting<Duration> APPROVAL_TTL = ApprovalGate.approvalTtl("add_contact");
    static final AnswerWait ANSWER = AnswerWait.question("add_contact", 1, "the requester", "an answer", "has not answered",
            "2d", "4d", "7d");
    static final WorkflowSetting<Duration> EXPIRY = ANSWER.expiry();
    static final int ANSWER_EXPIRY = ANSWER.expirySequence();
    static final int APPROVAL_EXPIRY = 4;

    static final WorkflowSetting<String> SIGN_UP_URL = WorkflowSetting.text("add_contact.sign_up_url",
            "BOT_ADD_CONTACT_SIGN_UP_URL", "https://customers.gitlab.com/customers/sign_up",
            "add contact: the Customers Portal's sign-up page, sent to a requester who has no portal account yet");

    static final List<WorkflowSetting<?>> ALL = ApprovalGate.settings(APPROVAL_TTL, own());

    private AddContactSettings() {}

    private static List<WorkflowSetting<?>> own() {
        List<WorkflowSetting<?>> own = new ArrayList<>(ANSWER.settings());
        own.add(SIGN_UP_URL);
        return own;
    }
}
