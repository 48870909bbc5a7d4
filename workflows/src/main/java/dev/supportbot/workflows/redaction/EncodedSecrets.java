package dev.supportbot.workflows.redaction;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Secrets hidden by an encoding: a code percent-encoded (all or some of its chars, as in a URL or a form), or held in
 * the base64 of a text ({@code Y29kZTogUTdmejJM...}). Each encoded token is decoded and the decoded text scanned as
 * any other; the whole token is reported as the kind found inside. Only tokens that can be such an encoding are
 * decoded: those holding a {@code %XX} escape or form-encoded ({@code text=my+code+is+...}), and base64 runs of {@value #MIN_BASE64} chars or more (a 24-char code
 * alone encodes to 32) that decode to UTF-8 text and are not the segments of a JWT. Decoded text is scanned again up to {@value #MAX_DEPTH} levels deep.
 */
final class EncodedSecrets {
    static final int MIN_BASE64 = 32;
    private static final int MAX_DEPTH = 2;

    private EncodedSecrets() {}

    /** Adds the spans of encoded secrets in {@code s} that overlap none of {@code found}; true when it added one. */
    static boolean find(String s, List<SecretSpan> found, int depth) {
        if (depth >= MAX_DEPTH) return false;
        boolean added = s.indexOf('%') >= 0 || s.indexOf('+') >= 0 ? percentEncodedTokens(s, found, depth) : false;
        return base64(s, 0, s.length(), found, depth) | added;
    }

    private static boolean percentEncodedTokens(String s, List<SecretSpan> found, int depth) {
        boolean added = false;
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (isTokenBreak(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && !isTokenBreak(s.charAt(i))) i++;
            added |= percentEncoded(s, start, i, found, depth);
        }
        return added;
    }

    private static boolean percentEncoded(String s, int start, int end, List<SecretSpan> found, int depth) {
        if (!isPercentEncoded(s, start, end) || overlaps(found, start, end)) return false;
        String decoded = percentDecode(s, start, end);
        return decoded != null && report(decoded, start, end, found, depth, false);
    }

    /** Every base64 run of {@code [start, end)} long enough to hold a code. */
    private static boolean base64(String s, int start, int end, List<SecretSpan> found, int depth) {
        boolean added = false;
        int i = start;
        while (i < end) {
            if (!isBase64(s.charAt(i))) {
                i++;
                continue;
            }
            int from = i;
            while (i < end && isBase64(s.charAt(i))) i++;
            int to = i;
            while (i < end && s.charAt(i) == '=') i++;
            if (to - from < MIN_BASE64 || !looksLikeEncodedText(s, from, to) || isJwtSegment(s, from, i, end)
                    || overlaps(found, from, i)) continue;
            String decoded = base64Text(s.substring(from, to));
            if (decoded != null) added |= report(decoded, from, i, found, depth, true);
        }
        return added;
    }

    /**
     * A cheap test before decoding: the first char of each 4-char group encodes the top 6 bits of a byte, which for
     * ASCII text (below 0x80) is one of {@code A-Z a-f}. Base64 of mostly-ASCII text has that in 7 groups of 8 or
     * more; random data (hashes, keys, images) in about half.
     */
    private static boolean looksLikeEncodedText(String s, int from, int to) {
        int groups = 0;
        int ascii = 0;
        for (int i = from; i + 4 <= to; i += 4) {
            char c = s.charAt(i);
            groups++;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'f') ascii++;
        }
        return ascii * 8 >= groups * 7;
    }

    /** A segment of a dotted token (a JWT's header, claims or signature): signed data, not a pasted text. */
    private static boolean isJwtSegment(String s, int from, int to, int tokenEnd) {
        return from > 0 && s.charAt(from - 1) == '.' || to + 1 < tokenEnd && s.charAt(to) == '.' && isBase64(s.charAt(to + 1));
    }

    /**
     * Reports {@code [start, end)} when its decoded text holds a secret. Base64 often carries structured data full of
     * ids (a JSON:API document): there an activation code counts only when the text says "code" or "activation".
     */
    private static boolean report(String decoded, int start, int end, List<SecretSpan> found, int depth, boolean needsContext) {
        for (SecretSpan inside : SecretScanner.find(decoded, depth + 1)) {
            if (inside.kind() == SecretKind.ACTIVATION_CODE && needsContext && !mentionsCode(decoded)) continue;
            found.add(new SecretSpan(inside.kind(), start, end));
            return true;
        }
        return false;
    }

    private static boolean mentionsCode(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.regionMatches(true, i, "code", 0, 4) || text.regionMatches(true, i, "activation", 0, 10)) return true;
        }
        return false;
    }

    private static boolean overlaps(List<SecretSpan> spans, int start, int end) {
        for (SecretSpan span : spans) {
            if (span.start() < end && start < span.end()) return true;
        }
        return false;
    }

    private static boolean isTokenBreak(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`';
    }

    /**
     * Holds a {@code %XX} escape, or is form-encoded ({@code a=b+c}: spaces written as {@code +}, and an {@code =}
     * followed by a value, where base64 has {@code =} only as padding at its end).
     */
    private static boolean isPercentEncoded(String s, int start, int end) {
        boolean plus = false;
        boolean assignment = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < end && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) return true;
            plus |= c == '+';
            assignment |= c == '=' && i + 1 < end && s.charAt(i + 1) != '=';
        }
        return plus && assignment;
    }

    /** {@code %XX} escapes (UTF-8) and {@code +} as a space, as URLs and forms write them; null when not UTF-8. */
    private static String percentDecode(String s, int start, int end) {
        ByteBuffer bytes = ByteBuffer.allocate((end - start) * 3);
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < end && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                bytes.put((byte) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2))));
                i += 2;
            } else if (c == '+') {
                bytes.put((byte) ' ');
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        return utf8(bytes);
    }

    /** The run decoded as base64 (standard or URL-safe alphabet), when that gives UTF-8 text; else null. */
    private static String base64Text(String run) {
        byte[] bytes;
        try {
            boolean urlSafe = run.indexOf('-') >= 0 || run.indexOf('_') >= 0;
            String unpadded = run.length() % 4 == 1 ? run.substring(0, run.length() - 1) : run;
            bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(pad(unpadded));
        } catch (IllegalArgumentException e) {
            return null;
        }
        String text = utf8(ByteBuffer.wrap(bytes));
        if (text == null) return null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') return null;
        }
        return text;
    }

    private static String pad(String run) {
        return run.length() % 4 == 0 ? run : run + "=".repeat(4 - run.length() % 4);
    }

    private static String utf8(ByteBuffer bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isBase64(char c) {
        return c < 128 && (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                || c == '-' || c == '_');
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
}
