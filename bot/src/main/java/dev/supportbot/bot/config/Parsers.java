package dev.supportbot.bot.config;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Parsers for setting values. Each throws IllegalArgumentException with a message fit for an operator. */
public final class Parsers {
    private Parsers() {}

    static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    static Function<String, Integer> intRange(int min, int max) {
        return raw -> {
            int value;
            try {
                value = Integer.parseInt(raw.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + raw + "' is not a whole number");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException(value + " is out of range " + min + ".." + max);
            }
            return value;
        };
    }

    static String httpUrl(String raw) {
        String value = text(raw);
        if (value == null) return null;
        try {
            URI uri = URI.create(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("'" + value + "' is not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not an http(s) URL");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    static String httpUrlOrSandbox(String raw) {
        String value = text(raw);
        return "sandbox".equals(value) ? value : httpUrl(value);
    }

    static String jdbcUrl(String raw) {
        String value = text(raw);
        if (value != null && !value.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("'" + raw + "' is not a jdbc:postgresql: URL");
        }
        return value;
    }

    public static Duration duration(String raw) {
        String value = raw.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.endsWith("ms")) return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            char unit = value.charAt(value.length() - 1);
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (unit) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> Duration.parse(raw.trim());
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("'" + raw + "' is not a duration (e.g. 500ms, 30s, 5m, 2d)");
        }
    }

    /** A duration as it is written in the configuration: its largest exact unit ({@code 30s}, {@code 5m}, {@code 2d}). */
    public static String durationText(Duration duration) {
        if (duration.isZero()) return "0s";
        long ms = duration.toMillis();
        if (ms % 1000 != 0) return ms + "ms";
        long s = ms / 1000;
        if (s % 86_400 == 0) return s / 86_400 + "d";
        if (s % 3600 == 0) return s / 3600 + "h";
        if (s % 60 == 0) return s / 60 + "m";
        return s + "s";
    }

    /** A duration within {@code min..max} (both given as duration text, e.g. "1ms", "1d"). */
    static Function<String, Duration> durationRange(String min, String max) {
        Duration low = duration(min);
        Duration high = duration(max);
        return raw -> {
            Duration value = duration(raw);
            if (value.compareTo(low) < 0 || value.compareTo(high) > 0) {
                throw new IllegalArgumentException("'" + raw.trim() + "' is out of range " + min + ".." + max);
            }
            return value;
        };
    }

    /** A duration in {@code min..max}, or zero (which the setting documents as "off"). */
    static Function<String, Duration> durationOrZero(String min, String max) {
        Function<String, Duration> ranged = durationRange(min, max);
        return raw -> {
            Duration value = duration(raw);
            if (value.isZero()) return value;
            try {
                return ranged.apply(raw);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + raw.trim() + "' is out of range: 0s, or " + min + ".." + max);
            }
        };
    }

    static List<String> list(String raw) {
        String value = text(raw);
        if (value == null) return List.of();
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** {@code HH:MM} (24 h), or {@code off}: null, shown as unset. */
    static LocalTime timeOfDayOrOff(String raw) {
        String value = text(raw);
        if (value == null || value.equalsIgnoreCase("off")) return null;
        try {
            return LocalTime.parse(value, java.time.format.DateTimeFormatter.ofPattern("H:mm"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a time of day (HH:MM) or off");
        }
    }

    static Boolean bool(String raw) {
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + raw.trim() + "' is neither true nor false");
        };
    }
}
