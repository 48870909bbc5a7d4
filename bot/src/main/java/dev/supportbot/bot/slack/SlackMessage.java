package dev.supportbot.bot.slack;

import java.util.List;

/**
 * A message for Slack: {@code text} (mrkdwn; the notification text, and the whole message when there are no blocks),
 * Block Kit {@code blocks} shown in its place, and buttons under them (an approval's Approve / Reject).
 */
public record SlackMessage(String text, List<SlackBlock> blocks, List<SlackButton> buttons) {

    public SlackMessage {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("a Slack message needs text");
        blocks = List.copyOf(blocks);
        buttons = List.copyOf(buttons);
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
