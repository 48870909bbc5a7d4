package dev.supportbot.bot.cli;

/**
 * Bytes read as UTF-8 for the secret scanner, with the way back from char offsets to byte offsets.
 *
 * <p>Decoding is lenient and done here rather than by a {@code CharsetDecoder}: a byte that does not start a
 * well-formed UTF-8 sequence becomes one U+FFFD, so input that is mostly UTF-8 (a log with one stray Latin-1 byte) is
 * still read as UTF-8 everywhere else, where the scanner's rules look at neighbours like typographic quotes. Owning
 * the decoding also makes the offset mapping exact. The text is only for finding secrets: output is cut from the
 * original bytes.
 */
final class Utf8Text {
    private static final char REPLACEMENT = '\uFFFD';

    private final byte[] bytes;
    private final String text;

    private Utf8Text(byte[] bytes, String text) {
        this.bytes = bytes;
        this.text = text;
    }

    static Utf8Text decode(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length);
        int at = 0;
        while (at < bytes.length) {
            int length = sequenceLength(bytes, at);
            if (length == 0) {
                text.append(REPLACEMENT);
                at++;
            } else {
                text.appendCodePoint(codePoint(bytes, at, length));
                at += length;
            }
        }
        return new Utf8Text(bytes, text.toString());
    }

    String text() {
        return text;
    }

    /** The byte offsets of {@code charOffsets}, which must be ascending and fall between code points. */
    int[] byteOffsets(int[] charOffsets) {
        int[] result = new int[charOffsets.length];
        int chars = 0;
        int at = 0;
        for (int k = 0; k < charOffsets.length; k++) {
            while (chars < charOffsets[k]) {
                int length = sequenceLength(bytes, at);
                at += Math.max(length, 1);
                chars += length == 4 ? 2 : 1;
            }
            result[k] = at;
        }
        return result;
    }

    /** The length of the well-formed UTF-8 sequence at {@code at} (Unicode table 3-7), or 0 when there is none. */
    private static int sequenceLength(byte[] b, int at) {
        int first = b[at] & 0xFF;
        if (first < 0x80) return 1;
        int length;
        int low = 0x80;
        int high = 0xBF;
        if (first >= 0xC2 && first <= 0xDF) {
            length = 2;
        } else if (first >= 0xE0 && first <= 0xEF) {
            length = 3;
            if (first == 0xE0) low = 0xA0;
            if (first == 0xED) high = 0x9F;
        } else if (first >= 0xF0 && first <= 0xF4) {
            length = 4;
            if (first == 0xF0) low = 0x90;
            if (first == 0xF4) high = 0x8F;
        } else {
            return 0;
        }
        if (at + length > b.length) return 0;
        int second = b[at + 1] & 0xFF;
        if (second < low || second > high) return 0;
        for (int k = 2; k < length; k++) {
            int next = b[at + k] & 0xFF;
            if (next < 0x80 || next > 0xBF) return 0;
        }
        return length;
    }

    private static int codePoint(byte[] b, int at, int length) {
        int first = b[at] & 0xFF;
        if (length == 1) return first;
        int codePoint = first & (0x7F >> length);
        for (int k = 1; k < length; k++) codePoint = (codePoint << 6) | (b[at + k] & 0x3F);
        return codePoint;
    }
}
