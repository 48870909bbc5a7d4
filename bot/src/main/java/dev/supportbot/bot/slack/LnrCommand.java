package dev.supportbot.bot.slack;

/**
 * One sub-command of {@code /lnr}. {@code queued} commands are stored in the inbox and acknowledged at once; the
 * work (and the answer) follows from a worker. The others are answered on the request thread.
 */
public record LnrCommand(String name, String usage, String description, boolean queued) {}
