package dev.supportbot.bot.slack;

import java.util.List;

/** The Block Kit blocks the bot uses, without Slack SDK types, so any package can build a message. */
public sealed interface SlackBlock {

    /** A heading (plain text, at most 150 characters). */
    record Header(String text) implements SlackBlock {}

    /** A paragraph of mrkdwn. */
    record Section(String mrkdwn) implements SlackBlock {}

    /** Label/value pairs shown in two columns (mrkdwn, at most 10). */
    record Fields(List<String> mrkdwn) implements SlackBlock {
        public Fields {
            mrkdwn = List.copyOf(mrkdwn);
        }
    }

    /** Small grey text under a section (mrkdwn). */
    record Context(String mrkdwn) implements SlackBlock {}

    record Divider() implements SlackBlock {}
}
