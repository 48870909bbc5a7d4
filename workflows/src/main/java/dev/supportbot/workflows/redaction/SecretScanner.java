package dev.supportbot.workflows.redaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds cloud activation codes and legacy license keys in ticket text, in one pass and without regular expressions.
 *
 * <p>The pass walks runs of ASCII letters and digits. A run that starts with {@code eyJkYXRh} (base64 of
 * <code>{"data</code>) and is not the middle of other base64 text is checked as a license ({@link LicenseBlob}: decoded as
 * it is read, across wrapped and quoted lines); a run of exactly 24 chars is checked as an activation code
 * ({@link ActivationCodeRule}). Everything else costs one table look-up per char.
 *
 * <p>A license span covers the whole blob, from its first char to its last (padding included), and also the
 * {@code -----BEGIN ... LICENSE-----} and {@code -----END ... LICENSE-----} lines when they stand right around it, so
 * a masked license reads as one {@code [REDACTED license key]}. The line break and quote prefix before the blob's
 * first line, and after its last, are outside the span. Activation codes are never reported inside a license span.
 */
public final class SecretScanner {
    private static final boolean[] ALNUM = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) ALNUM[c] = true;
        for (char c = 'A'; c <= 'Z'; c++) ALNUM[c] = true;
        for (char c = 'a'; c <= 'z'; c++) ALNUM[c] = true;
    }

    private SecretScanner() {}

    /** The secrets in {@code text}, sorted by start, never overlapping. */
    public static List<SecretSpan> find(CharSequence text) {
        return find(text.toString(), 0);
    }

    /** {@code depth}: how many encodings (percent, base64) were decoded to get {@code s}. */
    static List<SecretSpan> find(String s, int depth) {
        List<SecretSpan> spans = new ArrayList<>(2);
        scan(s, spans);
        if (EncodedSecrets.find(s, spans, depth)) spans.sort(Comparator.comparingInt(SecretSpan::start));
        return spans;
    }

    /** Whether {@code text} holds at least one secret; stops at the first one (in plain text). */
    public static boolean containsSecret(CharSequence text) {
        String s = text.toString();
        return scan(s, null) || EncodedSecrets.find(s, new ArrayList<>(1), 0);
    }

    /**
     * {@link #mask} for identifiers, where a code is glued to the rest ({@code approve_XXXX}, {@code XXXX@vendor.example}):
     * Slack's action, block, callback and trigger ids, a view id, the local part of an email. Besides what {@link #mask}
     * finds, any run of exactly 24 ASCII letters and digits with the mix of a code that does not read as words is
     * masked, whatever stands around it.
     */
    public static String maskIdentifier(CharSequence text) {
        String s = mask(text);
        StringBuilder out = null;
        int at = 0;
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!isAlnum(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isAlnum(s.charAt(i))) i++;
            if (i - start == ActivationCodeRule.LENGTH && ActivationCodeRule.couldBeCode(s, start)) {
                if (out == null) out = new StringBuilder(n);
                out.append(s, at, start).append(SecretKind.ACTIVATION_CODE.mask());
                at = i;
            }
        }
        return out == null ? s : out.append(s, at, n).toString();
    }

    private static boolean isAlnum(char c) {
        return c < 128 && ALNUM[c];
    }

    /**
     * The text with every secret replaced by its kind's mask ({@link SecretKind#mask()}); all other chars unchanged.
     * When there is no secret, the same string comes back (for a {@code String} argument, the same instance).
     */
    public static String mask(CharSequence text) {
        String s = text.toString();
        List<SecretSpan> spans = find(s);
        if (spans.isEmpty()) return s;
        StringBuilder out = new StringBuilder(s.length());
        int at = 0;
        for (SecretSpan span : spans) {
            out.append(s, at, span.start()).append(span.kind().mask());
            at = span.end();
        }
        return out.append(s, at, s.length()).toString();
    }

    /** Scans {@code s}; adds the spans to {@code out}, or, when {@code out} is null, stops at the first secret. */
    private static boolean scan(String s, List<SecretSpan> out) {
        int n = s.length();
        int licenseEnd = -1;
        boolean found = false;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 128 || !ALNUM[c]) {
                i++;
                continue;
            }
            int start = i++;
            while (i < n) {
                char d = s.charAt(i);
                if (d >= 128 || !ALNUM[d]) break;
                i++;
            }
            int length = i - start;
            if (c == 'e' && length >= 8 && s.startsWith(LicenseBlob.MARKER, start) && LicenseBlob.startsAt(s, start)) {
                int blobEnd = LicenseBlob.blobEnd(s, start);
                if (blobEnd > 0) {
                    if (out == null) return true;
                    int from = LicenseBlob.withBeginLine(s, start);
                    int to = LicenseBlob.withEndLine(s, blobEnd);
                    out.add(new SecretSpan(SecretKind.LICENSE_KEY, from, to));
                    found = true;
                    licenseEnd = to;
                    i = to;
                    continue;
                }
            }
            if (length == ActivationCodeRule.LENGTH && ActivationCodeRule.matches(s, start, licenseEnd)) {
                if (out == null) return true;
                out.add(new SecretSpan(SecretKind.ACTIVATION_CODE, start, i));
                found = true;
            }
        }
        return found;
    }
}
