package dev.supportbot.bot.scheduler;

/** One reminder of one workflow instance: the instance's id and the reminder's sequence number. */
public record ReminderKey(long instanceId, int sequence) {}
