package dev.supportbot.workflows.redaction;

/**
 * Decides whether a run of exactly {@value #LENGTH} ASCII letters and digits (the scanner finds the runs) is a cloud
 * activation code. Real codes are random over {@code [A-Za-z0-9]}; the rules keep what such a code looks like and
 * drop the long tokens support tickets are full of:
 * <ol>
 *   <li><b>Character mix.</b> At least one upper-case and one lower-case letter. Digits are not required: about 1.5%
 *   of random codes have none, while a random code lacks a case only once in ~230,000. This drops hex (SHAs, Mongo
 *   ids, dashless UUID pieces), numbers, upper-case order/ticket ids and all-lower-case words.</li>
 *   <li><b>A token of its own.</b> The white-space delimited word holding the run (the separators {@code , ; |} also
 *   end a word) is the run itself, wrapped in at most 8 punctuation chars (brackets, angle brackets, quotes,
 *   backticks, <code>* _ ~</code>, typographic quotes; and <code>. , ; : ! ?</code> after it), optionally after a label
 *   ending in {@code :} or {@code =} ({@code code:XXXX}, {@code activation_code=XXXX}); an opening bracket after it
 *   counts as punctuation too ({@code (XXXX(}). Any char outside ASCII (an emoji, an accented letter, an em dash, a CJK
 *   bracket) ends a word as white space does. Any other neighbour (a dot
 *   followed by more text, {@code - / + @ # & ? % \} ...) makes the run part of a longer token: a URL (path segments
 *   and query values included), an email, a hostname, a Java class, a JWT, base64, a hyphenated id. A run right
 *   between matching quotes ({@code "XXXX"}, {@code 'XXXX'}, backticks, typographic quotes) is a token of its own
 *   whatever stands outside them ({@code {"activation_code":"XXXX"}}, {@code execute('XXXX')}).</li>
 *   <li><b>Not a line of a base64 block.</b> A run that is a whole line, directly under a line of at least
 *   {@value #BASE64_LINE} base64 chars in mixed case (a wrapped blob that is not a license), is that blob's last
 *   line.</li>
 *   <li><b>Not a word or identifier.</b> A run that splits camel-case-wise into long, vowel-rich pieces
 *   ({@code AbstractSingletonFactory}, {@code Electroencephalographies}) is accepted only if "code" or
 *   "activation" (any case, also inside a word: "Aktivierungscode") appears within {@value #CONTEXT} chars before
 *   it with no <code>. ; ! ?</code> in between. Without that context this rejects about 0.06% of random codes.
 *   ("license" is no such context: licensing tickets say it everywhere.)</li>
 * </ol>
 */
final class ActivationCodeRule {
    static final int LENGTH = 24;
    static final int BASE64_LINE = 48;
    static final int CONTEXT = 32;
    private static final int MAX_PUNCTUATION = 8;
    private static final int MAX_LABEL = 32;
    private static final String[] CONTEXT_WORDS = {"code", "activation"};

    private ActivationCodeRule() {}

    /**
     * True when the run {@code [start, start + 24)} is an activation code; {@code licenseEnd} is the end of the last
     * license found before it (-1 if none).
     */
    static boolean matches(String s, int start, int licenseEnd) {
        int end = start + LENGTH;
        if (!hasBothCases(s, start, end)) return false;
        if (!standsAlone(s, start, end)) return false;
        if (isLastLineOfBase64Block(s, start, end, licenseEnd)) return false;
        return !looksLikeWords(s, start, end) || mentionsCodeBefore(s, start);
    }

    /** The run {@code [start, start + 24)} has a code's mix of cases and does not read as words, whatever its neighbours. */
    static boolean couldBeCode(String s, int start) {
        return hasBothCases(s, start, start + LENGTH) && !looksLikeWords(s, start, start + LENGTH);
    }

    private static boolean hasBothCases(String s, int start, int end) {
        boolean upper = false;
        boolean lower = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
        }
        return upper && lower;
    }

    static boolean standsAlone(String s, int start, int end) {
        return isQuoted(s, start, end) || endsWord(s, end) && startsWord(s, start);
    }

    /** A quoted string is a token of its own, whatever stands outside the quotes: {@code execute('XXXX')}. */
    private static boolean isQuoted(String s, int start, int end) {
        if (start == 0 || end >= s.length()) return false;
        char open = s.charAt(start - 1);
        char close = s.charAt(end);
        return (open == '"' || open == '\'' || open == '`') && close == open
                || open == '\u201C' && close == '\u201D' || open == '\u2018' && close == '\u2019';
    }

    private static boolean endsWord(String s, int end) {
        int n = s.length();
        for (int i = end; i - end <= MAX_PUNCTUATION; i++) {
            if (i == n) return true;
            char c = s.charAt(i);
            if (isWordBreak(c)) return true;
            if (!isClosing(c)) return false;
        }
        return false;
    }

    private static boolean startsWord(String s, int start) {
        int i = skipOpening(s, start);
        if (i == 0 || isWordBreak(s.charAt(i - 1))) return true;
        char sep = s.charAt(i - 1);
        if (sep != ':' && sep != '=') return false;
        int labelEnd = i - 1;
        int j = labelEnd;
        while (j > 0 && labelEnd - j < MAX_LABEL && isLabelChar(s.charAt(j - 1))) j--;
        if (j == labelEnd) return false;
        j = skipOpening(s, j);
        return j == 0 || isWordBreak(s.charAt(j - 1));
    }

    private static int skipOpening(String s, int from) {
        int i = from;
        while (i > 0 && from - i < MAX_PUNCTUATION && isOpening(s.charAt(i - 1))) i--;
        return i;
    }

    /**
     * Any char outside ASCII ends a word too: a code glued to an emoji, an accented letter, an em dash or a CJK
     * bracket is still a code (no identifier, URL or email the rules protect mixes ASCII runs with such chars).
     */
    private static boolean isWordBreak(char c) {
        return c >= 0x80 || Character.isWhitespace(c) || c == ',' || c == ';' || c == '|';
    }

    private static boolean isOpening(char c) {
        switch (c) {
            case '(': case '[': case '{': case '<': case '>': case '"': case '\'': case '`': case '*': case '_':
            case '~': case '\u201C': case '\u2018': case '\u00AB': case '\u201E':
                return true;
            default:
                return false;
        }
    }

    private static boolean isClosing(char c) {
        switch (c) {
            case '.': case ',': case ';': case ':': case '!': case '?': case ')': case ']': case '}': case '>':
            case '"': case '\'': case '`': case '*': case '_': case '~': case '(': case '[': case '{':
                return true;
            default:
                return false;
        }
    }

    private static boolean isLabelChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    /** The run is a whole line and the line above is a long mixed-case base64 line outside any license found. */
    private static boolean isLastLineOfBase64Block(String s, int start, int end, int licenseEnd) {
        int n = s.length();
        int after = end;
        while (after < n && (s.charAt(after) == ' ' || s.charAt(after) == '\t')) after++;
        if (after < n && s.charAt(after) != '\n' && s.charAt(after) != '\r') return false;
        int lineStart = start;
        while (lineStart > 0 && isQuotePrefix(s.charAt(lineStart - 1))) lineStart--;
        if (lineStart == 0 || s.charAt(lineStart - 1) != '\n') return false;
        int prevEnd = lineStart - 1;
        if (prevEnd > 0 && s.charAt(prevEnd - 1) == '\r') prevEnd--;
        if (prevEnd <= licenseEnd) return false;
        while (prevEnd > 0 && (s.charAt(prevEnd - 1) == ' ' || s.charAt(prevEnd - 1) == '\t')) prevEnd--;
        int i = prevEnd;
        boolean upper = false;
        boolean lower = false;
        while (i > 0 && LicenseBlob.sextet(s.charAt(i - 1)) >= 0 || i > 0 && s.charAt(i - 1) == '=') {
            char c = s.charAt(--i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
        }
        if (prevEnd - i < BASE64_LINE || !upper || !lower) return false;
        while (i > 0 && isQuotePrefix(s.charAt(i - 1))) i--;
        return i == 0 || s.charAt(i - 1) == '\n';
    }

    private static boolean isQuotePrefix(char c) {
        return c == ' ' || c == '\t' || c == '>';
    }

    /**
     * The run splits camel-case-wise ({@code HTTPSUrlHelper} -> HTTPS, Url, Helper; digit runs apart) into at most
     * one piece of 1-2 letters, and pieces of 4+ letters hold at least 12 letters, a quarter of them vowels.
     * Random codes split into many short pieces; words and identifiers into a few long, pronounceable ones.
     */
    static boolean looksLikeWords(String s, int start, int end) {
        int shortPieces = 0;
        int longLetters = 0;
        int vowels = 0;
        int i = start;
        while (i < end) {
            char c = s.charAt(i);
            int from = i;
            int to;
            if (isDigit(c)) {
                while (i < end && isDigit(s.charAt(i))) i++;
                continue;
            } else if (isUpper(c)) {
                int j = i;
                while (j < end && isUpper(s.charAt(j))) j++;
                if (j < end && isLower(s.charAt(j))) {
                    if (j - i > 1) {
                        int acronym = j - 1 - i;
                        if (acronym <= 2) shortPieces++;
                        else if (acronym >= 4) {
                            longLetters += acronym;
                            vowels += vowels(s, i, j - 1);
                        }
                    }
                    from = j - 1;
                    to = j;
                    while (to < end && isLower(s.charAt(to))) to++;
                } else {
                    to = j;
                }
            } else {
                to = i;
                while (to < end && isLower(s.charAt(to))) to++;
            }
            int length = to - from;
            if (length <= 2) shortPieces++;
            else if (length >= 4) {
                longLetters += length;
                vowels += vowels(s, from, to);
            }
            i = to;
        }
        return shortPieces <= 1 && longLetters >= 12 && vowels * 4 >= longLetters;
    }

    private static int vowels(String s, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            switch (s.charAt(i) | 0x20) {
                case 'a': case 'e': case 'i': case 'o': case 'u':
                    count++;
                    break;
                default:
                    break;
            }
        }
        return count;
    }

    /** "code" or "activation" within {@value #CONTEXT} chars before {@code start}, in the same clause. */
    private static boolean mentionsCodeBefore(String s, int start) {
        int from = start;
        while (from > 0 && start - from < CONTEXT && !isClauseEnd(s.charAt(from - 1))) from--;
        for (String word : CONTEXT_WORDS) {
            for (int i = from; i + word.length() <= start; i++) {
                if (s.regionMatches(true, i, word, 0, word.length())) return true;
            }
        }
        return false;
    }

    private static boolean isClauseEnd(char c) {
        return c == '.' || c == ';' || c == '!' || c == '?';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }
}
