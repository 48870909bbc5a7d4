package dev.supportbot.workflows.typofix;

import dev.supportbot.workflows.approved.BillingCheck;
import dev.supportbot.workflows.approved.ApprovalGate;
import dev.supportbot.workflows.engine.AnswerWait;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.WorkflowSetting;
import java.time.Duration;
import java.util.List;

/** The settings of a typo fix, and the reminders they give. */
final class TypoFixSettings {
    static final WorkflowSetting<Duration> APPROVAL_TTL = ApprovalGate.approvalTtl("typo_fix", "typo fix");
    static final WorkflowSetting<Duration> REMINDER_1 = WorkflowSetting.duration("typo_fix.reminder_1",
            "BOT_TYPO_FIX_REMINDER_1", "1d",
            "typo fix: first reminder to the account manager who owes the confirmation, counted from the question");
    static final WorkflowSetting<Duration> REMINDER_2 = WorkflowSetting.duration("typo_fix.reminder_2",
            "BOT_TYPO_FIX_REMINDER_2", "3d", "typo fix: second reminder, counted from the question");
    static final WorkflowSetting<Duration> EXPIRY = WorkflowSetting.duration("typo_fix.expiry",
            "BOT_TYPO_FIX_EXPIRY", "7d",
            "typo fix: close as expired when the account manager has not confirmed, counted from the question");

    static final List<WorkflowSetting<?>> ALL = List.of(APPROVAL_TTL, REMINDER_1, REMINDER_2, EXPIRY, BillingCheck.TEAM, BillingCheck.TAG);

    /** Reminder sequences: the two reminders and the confirmation's expiry (1 to 3), then the approval's expiry. */
    static final AnswerWait CONFIRMATION = new AnswerWait(1, REMINDER_1, REMINDER_2, EXPIRY);
    static final int CONFIRMATION_EXPIRY = CONFIRMATION.expirySequence();
    static final int APPROVAL_EXPIRY = 4;

    private TypoFixSettings() {}

    static Duration confirmationDelay(int sequence, Context ctx) {
        return CONFIRMATION.delay(sequence, ctx);
    }

    /** The reminders and the expiry of a question to the AM; scheduling them again replaces the earlier ones. */
    static List<Effect> confirmationReminders(Context ctx) {
        return CONFIRMATION.reminders(ctx);
    }
}
