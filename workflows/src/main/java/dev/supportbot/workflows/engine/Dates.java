package dev.supportbot.workflows.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as people read them, always saying their time zone (the bot counts in UTC). */
public final class Dates {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Dates() {}

    /** A calendar day with no time of day to place it, such as a license's start, e.g. "8 December 2026". */
    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** A day counted in UTC, e.g. "8 December 2026 (UTC)". */
    public static String utcDay(LocalDate day) {
        return DAY.format(day) + " (UTC)";
    }

    /** e.g. "8 December 2026, 14:05 UTC". */
    public static String utcMinute(Instant at) {
        return MINUTE.format(at) + " UTC";
    }
}
