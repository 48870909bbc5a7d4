package dev.supportbot.workflows.redaction;

/**
 * Decodes base64 one sextet at a time and checks the bytes against the shape of a license's JSON:
 * an object of string-valued keys, the first one {@code data}, whose values are base64 text (with the JSON escapes
 * {@code \n}, {@code \r}, {@code \t} and {@code \/} that wrapped base64 gets inside JSON). White space is allowed
 * between tokens. No JSON library, no allocation: a license check costs one pass over its chars.
 */
final class LicenseJson {
    static final int MORE = 0;
    static final int DONE = 1;
    static final int BAD = 2;

    private static final int OPEN = 0;
    private static final int KEY_QUOTE = 1;
    private static final int KEY = 2;
    private static final int COLON = 3;
    private static final int VALUE_QUOTE = 4;
    private static final int VALUE = 5;
    private static final int ESCAPE = 6;
    private static final int COMMA_OR_CLOSE = 7;
    private static final int CLOSED = 8;

    private static final int DATA = 1;
    private static final int KEY_KEY = 2;
    private static final int IV = 4;
    private static final int MAX_KEY = 8;

    private int state = OPEN;
    private int bits;
    private int buffer;
    private final char[] key = new char[MAX_KEY];
    private int keyLength;
    private int currentKey;
    private int seen;
    private int keys;
    private boolean reachedDataValue;

    /** Feeds the next base64 sextet (0..63); answers MORE, DONE (the closing brace was decoded) or BAD. */
    int feed(int sextet) {
        buffer = ((buffer << 6) | sextet) & 0x3FFF;
        bits += 6;
        if (bits < 8) return MORE;
        bits -= 8;
        return accept((buffer >>> bits) & 0xFF);
    }

    /** The decoded JSON is complete and has data, key and iv. */
    boolean isLicense() {
        return state == CLOSED && seen == (DATA | KEY_KEY | IV);
    }

    /** The decoding got into the string value of the first key, {@code data}: {@code {"data":"} was read. */
    boolean reachedDataValue() {
        return reachedDataValue;
    }

    private int accept(int b) {
        switch (state) {
            case OPEN:
                if (b == '{') return next(KEY_QUOTE);
                return isSpace(b) ? MORE : BAD;
            case KEY_QUOTE:
                if (b == '"') {
                    keyLength = 0;
                    return next(KEY);
                }
                return isSpace(b) ? MORE : BAD;
            case KEY:
                if (b == '"') return endKey();
                if (!isKeyChar(b)) return BAD;
                if (keyLength < MAX_KEY) key[keyLength] = (char) b;
                keyLength++;
                return MORE;
            case COLON:
                if (b == ':') return next(VALUE_QUOTE);
                return isSpace(b) ? MORE : BAD;
            case VALUE_QUOTE:
                if (b == '"') {
                    if (keys == 1) reachedDataValue = true;
                    return next(VALUE);
                }
                return isSpace(b) ? MORE : BAD;
            case VALUE:
                if (b == '"') {
                    seen |= currentKey;
                    return next(COMMA_OR_CLOSE);
                }
                if (b == '\\') return next(ESCAPE);
                return isBase64Char(b) ? MORE : BAD;
            case ESCAPE:
                return b == 'n' || b == 'r' || b == 't' || b == '/' ? next(VALUE) : BAD;
            case COMMA_OR_CLOSE:
                if (b == ',') return next(KEY_QUOTE);
                if (b == '}') {
                    state = CLOSED;
                    return DONE;
                }
                return isSpace(b) ? MORE : BAD;
            default:
                return BAD;
        }
    }

    private int endKey() {
        keys++;
        currentKey = keyLength > MAX_KEY ? 0 : keyBit(new String(key, 0, keyLength));
        if (keys == 1 && currentKey != DATA) return BAD;
        return next(COLON);
    }

    private static int keyBit(String name) {
        switch (name) {
            case "data": return DATA;
            case "key": return KEY_KEY;
            case "iv": return IV;
            default: return 0;
        }
    }

    private int next(int nextState) {
        state = nextState;
        return MORE;
    }

    private static boolean isSpace(int b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private static boolean isKeyChar(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_' || b == '-';
    }

    private static boolean isBase64Char(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || b == '+' || b == '/' || b == '=';
    }
}
