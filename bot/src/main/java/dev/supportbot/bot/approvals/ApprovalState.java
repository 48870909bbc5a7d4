package dev.supportbot.bot.approvals;

/** Where an approval is: waiting for approvers, or decided for good. */
public enum ApprovalState { PENDING, APPROVED, REJECTED, EXPIRED, CANCELLED }
