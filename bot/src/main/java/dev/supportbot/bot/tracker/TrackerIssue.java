package dev.supportbot.bot.tracker;

/** An issue opened in the tracker: its number within the project and its web address. */
public record TrackerIssue(long iid, String url) {}
