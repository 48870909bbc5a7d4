package dev.supportbot.bot.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seed's dates relative to the seeding day D: {@code D}, {@code D-300}, {@code D+65}, and for times
 * {@code D-2 06:30} (UTC; midnight when no time is given).
 */
record SeedDay(LocalDate d) {
    private static final Pattern NOTATION = Pattern.compile("D(?:([+-])(\\d{1,5}))?(?:\\s+(\\d{2}:\\d{2}))?");

    LocalDate date(String notation) {
        return parse(notation).toLocalDate();
    }

    Instant instant(String notation) {
        return parse(notation).toInstant(ZoneOffset.UTC);
    }

    private LocalDateTime parse(String notation) {
        Matcher m = notation == null ? null : NOTATION.matcher(notation.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + notation + "' is not a seed date (D, D-300, D+65, D-2 06:30)");
        }
        long days = m.group(2) == null ? 0 : Long.parseLong(m.group(2)) * ("-".equals(m.group(1)) ? -1 : 1);
        LocalTime time = m.group(3) == null ? LocalTime.MIDNIGHT : LocalTime.parse(m.group(3));
        return d.plusDays(days).atTime(time);
    }
}
