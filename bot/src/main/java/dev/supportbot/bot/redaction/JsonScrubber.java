package dev.supportbot.bot.redaction;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Masks secrets in a JSON document by its decoded text: every string value and every object key is decoded, masked,
 * and written back re-encoded. Scanning the raw JSON text instead misses a secret right after an escape ({@code \n},
 * {@code \"}, a Unicode escape...), since the escape's letter joins the secret's run of letters, and one with some of
 * its own chars written as Unicode escapes.
 *
 * <p>A string that itself holds a JSON object or array (a payload copied into a field) is scrubbed the same way,
 * once decoded, so its own escapes do not hide a secret either. Numbers, booleans and nulls are copied as they are;
 * order and duplicate keys are kept. Only the first JSON value of the input is read and written.
 *
 * <p>The values of identifier fields ({@link #IDENTIFIER_FIELDS}: Slack's action, block, callback, trigger and view
 * ids, the trigger's {@code actor_email} and {@code comment_author_email}) are masked as identifiers, where a code
 * may be glued to the rest.
 */
public final class JsonScrubber {
    private static final JsonFactory FACTORY = new JsonFactory();
    /** How deep JSON inside strings is followed; deeper strings are masked as plain text. */
    private static final int MAX_EMBEDDED_DEPTH = 4;

    public static final Set<String> IDENTIFIER_FIELDS =
            Set.of("action_id", "block_id", "callback_id", "trigger_id", "view_id", "actor_email", "comment_author_email");

    private final UnaryOperator<String> mask;
    private final UnaryOperator<String> identifierMask;

    /** {@code mask} masks secrets in plain text, e.g. {@code SecretScanner::mask}; identifiers get the same. */
    public JsonScrubber(UnaryOperator<String> mask) {
        this(mask, mask);
    }

    /** {@code identifierMask} masks the values of {@link #IDENTIFIER_FIELDS}, e.g. {@code SecretScanner::maskIdentifier}. */
    public JsonScrubber(UnaryOperator<String> mask, UnaryOperator<String> identifierMask) {
        this.mask = mask;
        this.identifierMask = identifierMask;
    }

    /**
     * The document re-encoded with every string and key masked.
     *
     * @throws IllegalArgumentException when {@code json} does not start with a well-formed JSON value
     */
    public String scrub(byte[] json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return new Pass(0).copy(parser);
        } catch (IOException e) {
            // Not chained: the parser's message quotes the offending token, which may be a secret.
            throw new IllegalArgumentException("not a JSON document");
        }
    }

    /** One document (the body, or JSON found inside one of its strings) being copied; notes whether it masked. */
    private final class Pass {
        private final int embedded;
        private boolean masked;

        Pass(int embedded) {
            this.embedded = embedded;
        }

        String copy(JsonParser parser) throws IOException {
            StringWriter out = new StringWriter();
            try (JsonGenerator generator = FACTORY.createGenerator(out)) {
                if (parser.nextToken() == null) throw new IOException("no JSON value");
                int depth = 0;
                do {
                    switch (parser.currentToken()) {
                        case FIELD_NAME -> generator.writeFieldName(text(parser.currentName()));
                        case VALUE_STRING -> generator.writeString(isIdentifier(parser.currentName())
                                ? identifier(parser.getText()) : text(parser.getText()));
                        case START_OBJECT, START_ARRAY -> {
                            depth++;
                            generator.copyCurrentEvent(parser);
                        }
                        case END_OBJECT, END_ARRAY -> {
                            depth--;
                            generator.copyCurrentEvent(parser);
                        }
                        default -> generator.copyCurrentEventExact(parser);
                    }
                } while (depth > 0 && parser.nextToken() != null);
                if (depth > 0) throw new IOException("JSON value ends early");
            }
            return out.toString();
        }

        private String text(String value) {
            String result = embedded < MAX_EMBEDDED_DEPTH ? scrubEmbedded(value) : null;
            if (result == null) result = mask.apply(value);
            if (!result.equals(value)) masked = true;
            return result;
        }

        /** {@code name} is null for an array element or a top-level string. */
        private static boolean isIdentifier(String name) {
            return name != null && IDENTIFIER_FIELDS.contains(name);
        }

        private String identifier(String value) {
            String result = identifierMask.apply(value);
            if (!result.equals(value)) masked = true;
            return result;
        }

        /** The value scrubbed as JSON when it is one JSON object or array that held a secret; else null. */
        private String scrubEmbedded(String value) {
            String trimmed = value.strip();
            boolean object = trimmed.startsWith("{") && trimmed.endsWith("}");
            boolean array = trimmed.startsWith("[") && trimmed.endsWith("]");
            if (!object && !array) return null;
            try (JsonParser parser = FACTORY.createParser(trimmed)) {
                Pass inner = new Pass(embedded + 1);
                String scrubbed = inner.copy(parser);
                if (parser.nextToken() != null) return null;
                // Nothing masked: the value stays as it came, formatting included.
                return inner.masked ? scrubbed : null;
            } catch (IOException e) {
                return null;
            }
        }
    }
}
