package dev.supportbot.workflows.redaction;

/**
 * Recognises a legacy license blob: base64 text, starting with {@value #MARKER} (the base64 of <code>{"data</code>),
 * that decodes to a JSON object whose first key is {@code data} and which has {@code key} and {@code iv} keys, all
 * with base64 string values (what the license generator writes: {@code {"data":"..","key":"..","iv":".."}}).
 *
 * <p>The blob may be wrapped in lines of any width. Line breaks are {@code \n}, {@code \r\n}, {@code \r}, or the
 * JSON escapes {@code \n}/{@code \r\n} (a license copied out of an API response or a log). A continuation line may be
 * indented and email-quoted: its prefix may be any mix of spaces, tabs and {@code >}; the line must hold nothing but
 * the chunk (punctuation right after it is fine, a space and more text is prose). Chunks separated by spaces instead
 * (a paste whose line breaks were flattened) continue the blob too. A blank line ends it.
 *
 * <p>Where the blob ends is decided by the decoding itself: the bytes are decoded as the chars are read and run
 * through a small JSON state machine ({@link LicenseJson}). The blob ends at the closing brace (plus padding); a
 * chunk whose bytes break the grammar is not part of the blob, nor is a short chunk (fewer than {@value #MIN_CHUNK}
 * chars, no padding; on a line of its own, only when it is the last line) that does not complete the JSON: so prose
 * after a cut-off paste is left alone. Any line width from 8 up works (the marker must not be split).
 *
 * <p>A truncated paste (the text ends, or the next chunk does not decode, before the closing brace) is still
 * license material and is reported when at least {@value #MIN_PARTIAL_CHARS} base64 chars were read and the decoding
 * got into the value of {@code data}. A blob that decodes to complete JSON without {@code key} and {@code iv}, or that
 * is not <code>{"data":"&lt;base64&gt;...</code> at all (e.g. {@code {"data":{...}}} of a JSON:API payload), is not a
 * license.
 */
final class LicenseBlob {
    static final String MARKER = "eyJkYXRh";
    static final int MIN_PARTIAL_CHARS = 40;
    static final int MIN_CHUNK = 16;
    /** How far the BEGIN/END boundary lines may stand from the blob (white space and quote markers only). */
    private static final int MAX_GAP = 200;
    private static final int MAX_MARKER_WORDS = 40;

    private static final byte[] SEXTET = new byte[128];

    static {
        java.util.Arrays.fill(SEXTET, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) SEXTET[alphabet.charAt(i)] = (byte) i;
    }

    private LicenseBlob() {}

    static int sextet(char c) {
        return c < 128 ? SEXTET[c] : -1;
    }

    /** True when the marker at {@code at} starts a token: it is not the middle of some other base64 text. */
    static boolean startsAt(String s, int at) {
        return at == 0 || sextet(s.charAt(at - 1)) < 0;
    }

    /**
     * The end (exclusive) of the license blob whose marker starts at {@code at}, or -1 when the text there is not
     * license material.
     */
    static int blobEnd(String s, int at) {
        int n = s.length();
        LicenseJson json = new LicenseJson();
        int pos = at;
        int chunk = 0;
        boolean weak = false;
        int previousChunkEnd = -1;
        int readBeforeChunk = 0;
        int read = 0;
        while (true) {
            while (pos < n) {
                int v = sextet(s.charAt(pos));
                if (v < 0) break;
                int state = json.feed(v);
                if (state == LicenseJson.BAD) {
                    return afterBadChunk(s, json, chunk, pos, read, readBeforeChunk, previousChunkEnd);
                }
                pos++;
                read++;
                if (state == LicenseJson.DONE) return json.isLicense() ? afterPadding(s, pos) : -1;
            }
            if (weak) {
                // A short chunk that does not finish the JSON is more likely a word after a cut-off paste.
                return isPartialLicense(json, readBeforeChunk) ? previousChunkEnd : -1;
            }
            int chunkEnd = pos;
            if (pos < n && s.charAt(pos) == '=') {
                // Padding before the closing brace: the JSON inside is cut off.
                while (pos < n && s.charAt(pos) == '=') pos++;
                return isPartialLicense(json, read) ? pos : -1;
            }
            int next = lineChunk(s, pos);
            if (next >= 0) {
                int nextEnd = runEnd(s, next);
                weak = nextEnd - next < MIN_CHUNK && !isPadding(s, nextEnd) && lineChunk(s, nextEnd) < 0;
            } else {
                next = spacedChunk(s, pos);
                if (next < 0) return isPartialLicense(json, read) ? chunkEnd : -1;
                int nextEnd = runEnd(s, next);
                weak = nextEnd - next < MIN_CHUNK && !isPadding(s, nextEnd);
            }
            previousChunkEnd = chunkEnd;
            readBeforeChunk = read;
            chunk++;
            pos = next;
        }
    }

    private static int afterBadChunk(String s, LicenseJson json, int chunk, int badAt, int read, int readBeforeChunk,
                                     int previousChunkEnd) {
        if (chunk > 0) {
            // The chunk that does not decode is something else (prose after a cut-off paste): end before it.
            return isPartialLicense(json, readBeforeChunk) ? previousChunkEnd : -1;
        }
        if (!isPartialLicense(json, read)) return -1;
        // A damaged single chunk that decoded as a license for long enough: redact the whole chunk.
        int end = badAt;
        while (end < s.length() && (sextet(s.charAt(end)) >= 0 || s.charAt(end) == '=')) end++;
        return end;
    }

    private static boolean isPartialLicense(LicenseJson json, int read) {
        return read >= MIN_PARTIAL_CHARS && json.reachedDataValue();
    }

    /** Skips the {@code =} padding after the last quad, also where the wrap put some of it on the next line. */
    private static int afterPadding(String s, int pos) {
        int n = s.length();
        int i = pos;
        while (true) {
            while (i < n && s.charAt(i) == '=') i++;
            int next = afterLineBreak(s, i);
            if (next < 0 || next >= n || s.charAt(next) != '=') return i;
            int j = next;
            while (j < n && s.charAt(j) == '=') j++;
            if (j < n && !Character.isWhitespace(s.charAt(j))) return i;
            i = j;
        }
    }

    /**
     * The start of the next line's chunk, when the chunk ending at {@code pos} ends its line and the next line (after
     * its prefix) is a chunk of at least {@value #MIN_CHUNK} chars, or a shorter chunk that ends the line (padding
     * and closing punctuation allowed) or a JSON string ({@code \n} escape or quote); -1 otherwise. A short word with
     * more text after it on its line ("Thanks, Bob") is prose, not the end of a blob.
     */
    private static int lineChunk(String s, int pos) {
        int i = afterLineBreak(s, pos);
        if (i < 0) return -1;
        int j = runEnd(s, i);
        if (j == i) return -1;
        if (j - i >= MIN_CHUNK) return i;
        int n = s.length();
        while (j < n && s.charAt(j) == '=') j++;
        if (j < n && (s.charAt(j) == '\\' || s.charAt(j) == '"')) return i;
        while (j < n && isClosingPunctuation(s.charAt(j))) j++;
        while (j < n && isBlank(s.charAt(j))) j++;
        return j == n || s.charAt(j) == '\r' || s.charAt(j) == '\n' ? i : -1;
    }

    private static boolean isClosingPunctuation(char c) {
        return ".,;:!?)]}>'`*_~\"".indexOf(c) >= 0;
    }

    /** The start of a chunk that follows the one ending at {@code pos} after spaces on the same line; -1 if none. */
    private static int spacedChunk(String s, int pos) {
        int i = pos;
        while (i < s.length() && isBlank(s.charAt(i))) i++;
        return i > pos && runEnd(s, i) > i ? i : -1;
    }

    private static int runEnd(String s, int from) {
        int j = from;
        while (j < s.length() && sextet(s.charAt(j)) >= 0) j++;
        return j;
    }

    private static boolean isPadding(String s, int at) {
        return at < s.length() && s.charAt(at) == '=';
    }

    /** After one line break at {@code i} (real or JSON-escaped) and the next line's prefix; -1 if none is there. */
    private static int afterLineBreak(String s, int i) {
        int n = s.length();
        while (i < n && isBlank(s.charAt(i))) i++;
        if (i >= n) return -1;
        char c = s.charAt(i);
        if (c == '\r') {
            i++;
            if (i < n && s.charAt(i) == '\n') i++;
        } else if (c == '\n') {
            i++;
        } else if (c == '\\' && i + 1 < n && (s.charAt(i + 1) == 'n' || s.charAt(i + 1) == 'r')) {
            boolean cr = s.charAt(i + 1) == 'r';
            i += 2;
            if (cr && s.startsWith("\\n", i)) i += 2;
        } else {
            return -1;
        }
        while (i < n && isLinePrefix(s.charAt(i))) i++;
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isLinePrefix(char c) {
        return c == ' ' || c == '\t' || c == '>';
    }

    private static boolean isGap(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>';
    }

    /**
     * The start of a {@code -----BEGIN ... LICENSE-----} line that stands right before the blob (only white space
     * and quote markers between), or {@code blobStart} when there is none.
     */
    static int withBeginLine(String s, int blobStart) {
        int limit = Math.max(0, blobStart - MAX_GAP);
        int i = blobStart;
        while (i > limit && isGap(s.charAt(i - 1))) i--;
        int dashesEnd = i;
        while (i > limit && s.charAt(i - 1) == '-') i--;
        if (dashesEnd - i < 3) return blobStart;
        while (i > limit && s.charAt(i - 1) == ' ') i--;
        if (i - 7 < limit || !s.regionMatches(true, i - 7, "LICENSE", 0, 7)) return blobStart;
        int wordsEnd = i - 7;
        int j = wordsEnd;
        while (j > limit && wordsEnd - j <= MAX_MARKER_WORDS && isMarkerWordChar(s.charAt(j - 1))) j--;
        while (j < wordsEnd && s.charAt(j) == ' ') j++;
        if (!s.regionMatches(true, j, "BEGIN", 0, 5) || j + 5 > wordsEnd) return blobStart;
        while (j > limit && s.charAt(j - 1) == ' ') j--;
        int dashesStart = j;
        while (dashesStart > limit && s.charAt(dashesStart - 1) == '-') dashesStart--;
        return j - dashesStart >= 3 ? dashesStart : blobStart;
    }

    /**
     * The end of a {@code -----END ... LICENSE-----} line that stands right after the blob, or {@code blobEnd} when
     * there is none.
     */
    static int withEndLine(String s, int blobEnd) {
        int n = s.length();
        int limit = Math.min(n, blobEnd + MAX_GAP);
        int i = blobEnd;
        while (i < limit && isGap(s.charAt(i))) i++;
        int dashesStart = i;
        while (i < limit && s.charAt(i) == '-') i++;
        if (i - dashesStart < 3) return blobEnd;
        while (i < limit && s.charAt(i) == ' ') i++;
        if (!s.regionMatches(true, i, "END", 0, 3)) return blobEnd;
        int wordsStart = i + 3;
        int j = wordsStart;
        while (j < limit && j - wordsStart <= MAX_MARKER_WORDS && isMarkerWordChar(s.charAt(j))) j++;
        while (j > wordsStart && s.charAt(j - 1) == ' ') j--;
        if (j - 7 < wordsStart || !s.regionMatches(true, j - 7, "LICENSE", 0, 7)) return blobEnd;
        while (j < limit && s.charAt(j) == ' ') j++;
        int dashes = j;
        while (j < limit && s.charAt(j) == '-') j++;
        return j - dashes >= 3 ? j : blobEnd;
    }

    private static boolean isMarkerWordChar(char c) {
        return c == ' ' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
