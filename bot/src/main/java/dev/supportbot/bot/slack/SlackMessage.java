package dev.supportbot.bot.slack;

import java.util.List;

/**
 * A message for Slack: {@code text} (mrkdwn; the notification text, and the whole message when there are no blocks),
 * Block Kit {@code blocks} shown in its place, and buttons under them (an approval's Approve / Reject). A message with
 * buttons can carry a {@code key} (the block id of its buttons), by which the bot finds it again in the channel
 * ({@link SlackNotifier#postOnce}); null otherwise.
 */
public record SlackMessage(String text, List<SlackBlock> blocks, List<SlackButton> buttons, String key) {
    /** Slack's limit on a block id. */
    static final int KEY_MAX = 255;

    public SlackMessage {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("a Slack message needs text");
        if (key != null && (key.isBlank() || key.length() > KEY_MAX)) throw new IllegalArgumentException("bad message key");
        blocks = List.copyOf(blocks);
        buttons = List.copyOf(buttons);
    }

    public SlackMessage(String text, List<SlackBlock> blocks, List<SlackButton> buttons) {
        this(text, blocks, buttons, null);
    }

    public SlackMessage withKey(String key) {
        return new SlackMessage(text, blocks, buttons, key);
    }

    public SlackMessage(String text, List<SlackButton> buttons) {
        this(text, List.of(), buttons);
    }

    public static SlackMessage text(String text) {
        return new SlackMessage(text, List.of(), List.of());
    }

    public static SlackMessage blocks(String text, List<SlackBlock> blocks) {
        return new SlackMessage(text, blocks, List.of());
    }
}
