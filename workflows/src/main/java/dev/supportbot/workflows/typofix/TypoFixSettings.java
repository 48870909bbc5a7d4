package dev.supportbot.workflows.typofix;

import dev.supportbot.workflows.approved.ApprovalGate;
import dev.supportbot.workflows.engine.AnswerWait;
import dev.supportbot.workflows.engine.WorkflowSetting;
import java.time.Duration;
import java.util.List;

/**
 * The settings of a typo fix. Reminder sequences: the AM's two reminders and the confirmation's expiry (1 to 3), then
 * the approval's expiry; scheduling the reminders again replaces the earlier ones.
 */
final class TypoFixSettings {
    static final WorkflowSetting<Duration> APPROVAL_TTL = ApprovalGate.approvalTtl("typo_fix");
    static final AnswerWait CONFIRMATION = AnswerWait.question("typo_fix", 1, "the account manager", "the confirmation",
            "has not confirmed", "1d", "3d", "7d");
    static final WorkflowSetting<Duration> EXPIRY = CONFIRMATION.expiry();
    static final int CONFIRMATION_EXPIRY = CONFIRMATION.expirySequence();
    static final int APPROVAL_EXPIRY = 4;

    static final List<WorkflowSetting<?>> ALL = ApprovalGate.settings(APPROVAL_TTL, CONFIRMATION.settings());

    private TypoFixSettings() {}
}
