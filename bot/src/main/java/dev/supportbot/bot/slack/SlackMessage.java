package dev.supportbot.bot.slack;

import java.util.List;

/** A message for Slack: mrkdwn text, and buttons under it (an approval's Approve / Reject). */
public record SlackMessage(String text, List<SlackButton> buttons) {

    public SlackMessage {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("a Slack message needs text");
        buttons = List.copyOf(buttons);
    }

    public static SlackMessage text(String text) {
        return new SlackMessage(text, List.of());
    }
}
