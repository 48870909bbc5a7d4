package dev.supportbot.bot.licenses;

import dev.supportbot.bot.slack.SlackMessage;

/** What a lookup answers: a message for the agent, or a usage error (what was wrong, then the usage line). */
public sealed interface LookupReply {

    record Answer(SlackMessage message) implements LookupReply {}

    record UsageError(String text) implements LookupReply {}
}
