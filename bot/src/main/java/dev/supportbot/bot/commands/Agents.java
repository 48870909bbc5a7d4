package dev.supportbot.bot.commands;

import dev.supportbot.bot.slack.SlackNames;
import dev.supportbot.bot.slack.SlackNotifier;
import java.util.Collection;
import java.util.Set;

/**
 * Who may run {@code /lnr} commands and press a workflow's buttons: the configured Slack user ids and, when a user
 * group is configured, its members, asked of Slack ({@code usergroups.users.list}) at each command that is not
 * from a listed id, so a change of the group counts at once. A failed call to Slack fails the command's event, which
 * the inbox tries again, rather than refusing an agent.
 */
public final class Agents {
    private final Set<String> userIds;
    private final String userGroupId;
    private final SlackNotifier slack;
    private final SlackNames names;

    public Agents(Collection<String> userIds, String userGroupId, SlackNotifier slack) {
        this.userIds = Set.copyOf(userIds);
        this.userGroupId = userGroupId == null || userGroupId.isBlank() ? null : userGroupId.strip();
        this.slack = slack;
        this.names = slack == null ? SlackNames.none() : new SlackNames(slack);
    }

    /** How workflow events name the agent: their Slack id and, when Slack gives it, their name. */
    String named(String slackUserId) {
        return names.agent(slackUserId);
    }

    /** Only the listed ids, no group. */
    public static Agents listed(Collection<String> userIds) {
        return new Agents(userIds, null, null);
    }

    boolean includes(String slackUserId) {
        if (slackUserId == null || slackUserId.isBlank()) return false;
        if (userIds.contains(slackUserId)) return true;
        return userGroupId != null && slack.userGroupMembers(userGroupId).contains(slackUserId);
    }
}
