package dev.supportbot.bot.zendesk;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks secrets in a comment's HTML for {@code comment_redactions}: each line of each secret wrapped in
 * {@code <redact>}, since a license key pasted over several lines has its lines split by {@code <br>} or
 * paragraphs in the HTML.
 */
final class RedactionMarkup {
    private RedactionMarkup() {}

    /** The marked HTML; empty when some line of a secret cannot be found in it as-is. */
    static Optional<String> mark(String html, List<String> secrets) {
        if (html == null) return Optional.empty();
        List<String> lines = secrets.stream()
                .flatMap(secret -> secret.lines())
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(RedactionMarkup::escapeHtml)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()) // the longest wins where lines overlap
                .toList();
        if (lines.isEmpty() || !lines.stream().allMatch(html::contains)) return Optional.empty();
        Pattern anyLine = Pattern.compile(String.join("|", lines.stream().map(Pattern::quote).toList()));
        return Optional.of(anyLine.matcher(html).replaceAll(m -> Matcher.quoteReplacement("<redact>" + m.group() + "</redact>")));
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
