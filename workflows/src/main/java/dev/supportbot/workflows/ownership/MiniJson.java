package dev.supportbot.workflows.ownership;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small, tolerant JSON reader for text pasted into tickets: objects become {@link Map}, arrays {@link List},
 * numbers {@link Double}, plus String, Boolean and null. It reads the first object in the text and ignores what
 * follows; curly quotes (as mail clients produce) count as straight quotes.
 */
final class MiniJson {
    private final String s;
    private int at;

    private MiniJson(String s) {
        this.s = s;
    }

    /** The first JSON object in {@code text}, if one parses. */
    static Optional<Map<String, Object>> firstObject(String text) {
        if (text == null) return Optional.empty();
        String normalised = text.replace('\u201C', '"').replace('\u201D', '"');
        for (int start = normalised.indexOf('{'); start >= 0; start = normalised.indexOf('{', start + 1)) {
            MiniJson reader = new MiniJson(normalised);
            reader.at = start;
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) reader.value();
                return Optional.of(object);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                // not JSON from here: try the next brace
            }
        }
        return Optional.empty();
    }

    /** The value at a dotted path of nested objects, e.g. {@code plan.code}. */
    static Optional<Object> at(Map<String, Object> object, String path) {
        Object current = object;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) return Optional.empty();
            current = map.get(part);
        }
        return Optional.ofNullable(current);
    }

    private Object value() {
        skipSpace();
        char c = s.charAt(at);
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", null);
            default:
                if (c == '-' || Character.isDigit(c)) return number();
                throw new IllegalArgumentException("unexpected " + c);
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        expect('{');
        skipSpace();
        if (peek() == '}') {
            at++;
            return map;
        }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            map.put(key, value());
            skipSpace();
            char c = s.charAt(at++);
            if (c == '}') return map;
            if (c != ',') throw new IllegalArgumentException("expected , or }");
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        expect('[');
        skipSpace();
        if (peek() == ']') {
            at++;
            return list;
        }
        while (true) {
            list.add(value());
            skipSpace();
            char c = s.charAt(at++);
            if (c == ']') return list;
            if (c != ',') throw new IllegalArgumentException("expected , or ]");
        }
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = s.charAt(at++);
            if (c == '"') return out.toString();
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(at++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> out.append(e);
            }
        }
    }

    private Double number() {
        int start = at;
        while (at < s.length() && "+-0123456789.eE".indexOf(s.charAt(at)) >= 0) at++;
        return Double.valueOf(s.substring(start, at));
    }

    private Object literal(String word, Object value) {
        if (!s.startsWith(word, at)) throw new IllegalArgumentException("expected " + word);
        at += word.length();
        return value;
    }

    private void expect(char c) {
        if (s.charAt(at) != c) throw new IllegalArgumentException("expected " + c);
        at++;
    }

    private char peek() {
        return s.charAt(at);
    }

    private void skipSpace() {
        while (Character.isWhitespace(s.charAt(at))) at++;
    }
}
