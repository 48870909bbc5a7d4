package dev.supportbot.bot.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's mrkdwn as Slack shows it, to HTML: {@code *bold*}, {@code _italics_}, {@code ~strike~}, {@code `code`},
 * {@code ```preformatted```}, {@code >} quotes, links with their label, {@code <@U...>} as the person's name,
 * {@code <!date^...>} as the date (in UTC), {@code <!here>}, user groups and the emoji the bot uses. Everything else is escaped: the result is
 * the only HTML the console's templates write unescaped. Plain text ({@link #plain}) is escaped only.
 */
final class SlackMrkdwn {
    /** A Slack user's or group's id to the name shown for them. */
    private final Function<String, String> names;

    private static final Pattern SPECIAL = Pattern.compile("<([^<>\\n]{1,3000})>");
    private static final Pattern PRE = Pattern.compile("```\\n?(.+?)```", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern QUOTE = Pattern.compile("(?m)^&gt; ?(.*)$");
    private static final List<Map.Entry<Pattern, String>> EMPHASIS = List.of(
            Map.entry(marked("\\*"), "strong"),
            Map.entry(marked("_"), "em"),
            Map.entry(marked("~"), "del"));
    private static final Pattern EMOJI = Pattern.compile(":([a-z0-9_+-]{1,40}):");
    private static final Map<String, String> EMOJIS = Map.of("warning", "\u26A0\uFE0F", "no_entry", "\u26D4",
            "white_check_mark", "\u2705", "x", "\u274C", "hourglass", "\u231B", "lock", "\uD83D\uDD12");
    private static final Pattern PLACEHOLDER = Pattern.compile("\u0000(\\d+)\u0001");
    private static final Pattern DATE_TOKEN = Pattern.compile("\\{(date_num|date_short_pretty|date_long_pretty|date_pretty|date_short|date_long|date|time_secs|time|ago)}");

    SlackMrkdwn(Function<String, String> names) {
        this.names = names;
    }

    /** A text object: mrkdwn rendered, plain_text escaped (Slack shows plain text as typed). */
    String text(String text, boolean mrkdwn) {
        return mrkdwn ? html(text) : plain(text);
    }

    static String plain(String text) {
        return escape(unescapeSlack(text));
    }

    String html(String text) {
        if (text == null || text.isEmpty()) return "";
        text = text.replace("\u0000", "").replace("\u0001", ""); // the placeholders' marks
        List<String> pieces = new ArrayList<>();
        StringBuilder marked = new StringBuilder();
        Matcher special = SPECIAL.matcher(text);
        int last = 0;
        while (special.find()) {
            marked.append(text, last, special.start());
            String rendered = special(special.group(1));
            if (rendered == null) {
                marked.append(special.group());
            } else {
                marked.append(hold(pieces, rendered));
            }
            last = special.end();
        }
        marked.append(text.substring(last));
        String html = escape(unescapeSlack(marked.toString()));
        html = replace(PRE, html, m -> hold(pieces, "<pre class=\"code\">" + m.group(1) + "</pre>"));
        html = replace(CODE, html, m -> hold(pieces, "<code>" + m.group(1) + "</code>"));
        for (Map.Entry<Pattern, String> emphasis : EMPHASIS) {
            String tag = emphasis.getValue();
            html = replace(emphasis.getKey(), html, m -> "<" + tag + ">" + m.group(1) + "</" + tag + ">");
        }
        html = replace(QUOTE, html, m -> "<blockquote>" + m.group(1) + "</blockquote>");
        html = replace(EMOJI, html, m -> EMOJIS.getOrDefault(m.group(1), m.group()));
        // Pieces may hold pieces (a code span inside preformatted text is not one: it was taken first).
        String previous;
        do {
            previous = html;
            html = replace(PLACEHOLDER, html, m -> pieces.get(Integer.parseInt(m.group(1))));
        } while (!html.equals(previous));
        return html;
    }

    /** The HTML of one {@code <...>} token, or null when Slack would show it as typed. */
    private String special(String inside) {
        int bar = inside.indexOf('|');
        String target = bar < 0 ? inside : inside.substring(0, bar);
        String label = bar < 0 ? null : inside.substring(bar + 1);
        if (target.startsWith("@U") || target.startsWith("@W")) {
            return mention("@" + name(target.substring(1), label));
        }
        if (target.startsWith("#C")) return mention("#" + (label != null ? label : target.substring(1)));
        if (target.startsWith("!subteam^")) {
            String group = target.substring("!subteam^".length());
            return mention(label != null ? label : "@" + name(group, null));
        }
        if (target.equals("!here") || target.equals("!channel") || target.equals("!everyone")) return mention("@" + target.substring(1));
        if (target.startsWith("!date^")) return date(target.substring("!date^".length()), label);
        if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("mailto:")) {
            String shown = label != null ? label : target.startsWith("mailto:") ? target.substring(7) : target;
            return "<a href=\"" + escape(unescapeSlack(target)) + "\">" + escape(unescapeSlack(shown)) + "</a>";
        }
        return null;
    }

    private String name(String id, String label) {
        String name = names.apply(id);
        if (name != null) return name;
        return label != null ? label.replaceFirst("^@", "") : id;
    }

    private static String mention(String shown) {
        return "<span class=\"mention\">" + escape(unescapeSlack(shown)) + "</span>";
    }

    /** {@code <!date^EPOCH^FORMAT[^LINK]|FALLBACK>}, shown in UTC. */
    private static String date(String spec, String fallback) {
        String[] parts = spec.split("\\^", 3);
        long epoch;
        try {
            epoch = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return escape(unescapeSlack(fallback == null ? spec : fallback));
        }
        ZonedDateTime at = Instant.ofEpochSecond(epoch).atZone(ZoneOffset.UTC);
        String format = parts.length > 1 ? parts[1] : "{date_num} {time}";
        Matcher m = DATE_TOKEN.matcher(format);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(dateToken(m.group(1), at)));
        m.appendTail(out);
        String shown = out + (format.contains("{time") ? " UTC" : "");
        return "<time datetime=\"" + at.toInstant() + "\">" + escape(unescapeSlack(shown)) + "</time>";
    }

    private static String dateToken(String token, ZonedDateTime at) {
        return switch (token) {
            case "date_num" -> at.format(DateTimeFormatter.ISO_LOCAL_DATE);
            case "date_short", "date_short_pretty" -> at.format(DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH));
            case "date_long", "date_long_pretty" -> at.format(DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH));
            case "time" -> at.format(DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH));
            case "time_secs" -> at.format(DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH));
            case "ago" -> at.format(DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH));
            default -> at.format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH));
        };
    }

    /** Emphasis Slack recognises: the marks hug the text and do not touch a letter or digit outside. */
    private static Pattern marked(String mark) {
        return Pattern.compile("(?<![\\p{L}\\p{N}" + mark + "])" + mark + "(?=[^\\s" + mark + "])([^\\n" + mark + "]*?[^\\s" + mark + "])"
                + mark + "(?![\\p{L}\\p{N}" + mark + "])");
    }

    private static String hold(List<String> pieces, String html) {
        pieces.add(html);
        return "\u0000" + (pieces.size() - 1) + "\u0001";
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> replacement) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
        m.appendTail(out);
        return out.toString();
    }

    /** Slack's own escaping of its control characters in message text. */
    private static String unescapeSlack(String text) {
        if (text == null) return "";
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
