package dev.supportbot.bot.slack;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.outbound.Sleeper;
import java.util.Optional;
import java.util.Set;

/**
 * What the bot says in Slack. Every text is scrubbed of secrets before it leaves; rate-limited calls wait as Slack
 * asks (a bounded number of times). Failures are {@link OutboundException}s.
 *
 * <p>Without {@code BOT_SLACK_BOT_TOKEN} or {@code BOT_SLACK_CHANNEL} the notifier is disabled rather than failing:
 * the embedded default runs without Slack. Posts (and, without a token, updates) are then dropped, with one warning
 * in the log; {@link #enabled()} tells callers that need Slack (approvals) to look elsewhere.
 */
public interface SlackNotifier extends AutoCloseable {

    /** True when messages can be posted to the configured channel. */
    boolean enabled();

    /** Posts to the configured channel. Empty when the notifier is disabled and the message was dropped. */
    Optional<SlackMessageRef> post(SlackMessage message);

    /** Replaces a message the bot posted (e.g. an approval request once decided). */
    void update(SlackMessageRef message, SlackMessage replacement);

    /**
     * The message carrying {@code key} (see {@link SlackMessage#key()}) among the channel's 100 most recent
     * ({@code conversations.history}); empty when there is none, or when the notifier is disabled.
     */
    Optional<SlackMessageRef> findByKey(String key);

    /**
     * Posts a message that carries buttons once. When an earlier attempt may have posted it (it crashed, or lost the
     * answer, before recording the post), the message carrying its key is looked for first and updated in place, so
     * that there are never two live messages with the same buttons.
     */
    default Optional<SlackMessageRef> postOnce(SlackMessage message, boolean mayHavePosted) {
        if (message.key() == null) throw new IllegalArgumentException("a message posted once needs a key");
        if (mayHavePosted) {
            Optional<SlackMessageRef> earlier = findByKey(message.key());
            if (earlier.isPresent()) {
                update(earlier.get(), message);
                return earlier;
            }
        }
        return post(message);
    }

    /**
     * Answers a slash command or a click through its {@code response_url}, visible only to the user who sent it.
     * Needs no token. Slack accepts up to 5 answers within 30 minutes per URL.
     */
    void respond(String responseUrl, SlackMessage message);

    /**
     * {@code users.lookupByEmail}: the id of the workspace member with that address, empty when there is none.
     * Needs the token ({@link OutboundException} of kind NOT_CONFIGURED without it).
     */
    Optional<String> userIdByEmail(String email);

    /**
     * The name people know a Slack user by ({@code users.info}: the display name, else the real name); empty when Slack
     * has no such user or gives no name.
     */
    Optional<String> userName(String userId);

    /** {@code usergroups.users.list}: the user ids in a user group. Needs the token. */
    Set<String> userGroupMembers(String userGroupId);

    /**
     * {@code views.open} with a click's trigger id: the id of the view Slack opened. Empty when Slack refuses the
     * trigger id (expired after 3 s, or already used), so that the caller can do without the modal. Needs the token.
     */
    Optional<String> openModal(String triggerId, SlackModal modal);

    @Override
    void close();

    static SlackNotifier fromConfig(BotConfig config) {
        return fromConfig(config, Sleeper.SYSTEM);
    }

    static SlackNotifier fromConfig(BotConfig config, Sleeper sleeper) {
        return new SlackApiNotifier(config.get(Settings.SLACK_API_URL), config.get(Settings.SLACK_BOT_TOKEN),
                config.get(Settings.SLACK_CHANNEL), sleeper);
    }
}
