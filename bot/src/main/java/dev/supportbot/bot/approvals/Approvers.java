package dev.supportbot.bot.approvals;

import dev.supportbot.bot.slack.SlackNotifier;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Who may decide on a plan: the Slack user ids configured as approvers and, when a user group is configured, its
 * members (asked of Slack at each click, so a change of the group counts at once). Nobody when neither is configured
 * (default deny), and never the person who started the plan.
 */
final class Approvers {
    private final Set<String> userIds;
    private final String userGroupId;
    private final SlackNotifier slack;

    Approvers(Collection<String> userIds, String userGroupId, SlackNotifier slack) {
        this.userIds = Set.copyOf(userIds);
        this.userGroupId = userGroupId == null || userGroupId.isBlank() ? null : userGroupId.trim();
        this.slack = slack;
    }

    boolean configured() {
        return !userIds.isEmpty() || userGroupId != null;
    }

    /** Why {@code slackUserId} may not approve, reject or retry {@code approval}; empty when they may. */
    Optional<String> refusal(Approval approval, String slackUserId) {
        if (slackUserId == null || slackUserId.isBlank()) return Optional.of("Slack did not say who clicked, so nothing was recorded.");
        if (!configured()) {
            return Optional.of("No approver is configured, so nobody can approve or reject this plan yet: it waits.");
        }
        if (slackUserId.equals(approval.initiatorSlackId())) {
            return Optional.of("You started this plan, so someone else must decide on it.");
        }
        if (!userIds.contains(slackUserId) && (userGroupId == null || !slack.userGroupMembers(userGroupId).contains(slackUserId))) {
            return Optional.of("Only the configured approvers can decide on plans; nothing was recorded.");
        }
        return Optional.empty();
    }
}
