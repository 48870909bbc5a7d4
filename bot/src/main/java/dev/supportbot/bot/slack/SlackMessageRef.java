package dev.supportbot.bot.slack;

/** Where a posted message is: enough to update it later (Slack's {@code channel} and {@code ts}). */
public record SlackMessageRef(String channel, String ts) {}
