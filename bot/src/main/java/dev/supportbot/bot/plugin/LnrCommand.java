package dev.supportbot.bot.plugin;

/** One line of {@code /lnr help}, also the answer to a bad argument: the usage and what it does. */
public record LnrCommand(String usage, String description) {}
