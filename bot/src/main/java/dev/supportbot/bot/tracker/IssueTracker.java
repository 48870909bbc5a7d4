package dev.supportbot.bot.tracker;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.outbound.Sleeper;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the bot escalates to Legal & Compliance. Issues are confidential and scrubbed of secrets. Failures are
 * {@link OutboundException}s.
 */
public interface IssueTracker {

    /**
     * Opens an issue from the "Subscription-Ownership-Change-Escalation" template, or returns the one an earlier call
     * with the same {@code key} opened (its answer lost, say): one key, one issue.
     */
    TrackerIssue escalateOwnershipChange(OwnershipEscalation escalation, String key);

    /**
     * The GitLab tracker of the configuration; when {@code BOT_TRACKER_URL}, {@code BOT_TRACKER_TOKEN} or
     * {@code BOT_TRACKER_PROJECT} is missing, one whose every call fails with {@code NOT_CONFIGURED} naming them.
     */
    static IssueTracker fromConfig(BotConfig config) {
        return fromConfig(config, Sleeper.SYSTEM);
    }

    static IssueTracker fromConfig(BotConfig config, Sleeper sleeper) {
        List<String> missing = new ArrayList<>();
        if (config.get(Settings.TRACKER_URL) == null) missing.add(Settings.TRACKER_URL.env());
        if (config.get(Settings.TRACKER_TOKEN) == null) missing.add(Settings.TRACKER_TOKEN.env());
        if (config.get(Settings.TRACKER_PROJECT) == null) missing.add(Settings.TRACKER_PROJECT.env());
        if (!missing.isEmpty()) {
            String message = "the issue tracker is not configured: set " + String.join(", ", missing);
            return (escalation, key) -> {
                throw new OutboundException(OutboundException.Failure.NOT_CONFIGURED, message);
            };
        }
        return new GitlabIssueTracker(config.get(Settings.TRACKER_URL), config.get(Settings.TRACKER_TOKEN),
                config.get(Settings.TRACKER_PROJECT), config.get(Settings.TRACKER_LABELS),
                EscalationTemplate.standard(), sleeper);
    }
}
