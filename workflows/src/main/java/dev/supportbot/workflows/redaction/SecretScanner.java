package dev.supportbot.workflows.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds activation codes and license keys in text. First version: regular expressions; the redaction issue
 * replaces it with a tuned scanner measured on a corpus.
 */
public final class SecretScanner {
    private static final Pattern ACTIVATION_CODE = Pattern.compile("(?<![A-Za-z0-9])(?=[A-Za-z0-9]*[0-9])(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{24}(?![A-Za-z0-9])");
    private static final Pattern LICENSE_KEY = Pattern.compile("eyJkYXRh[A-Za-z0-9+/=\\r\\n]{40,}");

    private SecretScanner() {}

    public static List<SecretSpan> find(CharSequence text) {
        List<SecretSpan> spans = new ArrayList<>();
        Matcher license = LICENSE_KEY.matcher(text);
        while (license.find()) spans.add(new SecretSpan(SecretKind.LICENSE_KEY, license.start(), license.end()));
        Matcher code = ACTIVATION_CODE.matcher(text);
        while (code.find()) {
            int s = code.start();
            boolean inside = spans.stream().anyMatch(l -> s >= l.start() && s < l.end());
            if (!inside) spans.add(new SecretSpan(SecretKind.ACTIVATION_CODE, s, code.end()));
        }
        spans.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return spans;
    }

    /** The text with every secret replaced by its kind's mask; all other chars unchanged. */
    public static String mask(CharSequence text) {
        List<SecretSpan> spans = find(text);
        if (spans.isEmpty()) return text.toString();
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (SecretSpan span : spans) {
            out.append(text, at, span.start()).append(span.kind().mask());
            at = span.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
