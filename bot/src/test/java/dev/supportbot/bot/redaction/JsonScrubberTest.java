package dev.supportbot.bot.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportbot.workflows.redaction.SecretScanner;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scrubber masks secrets by the decoded text of every string and key, whatever JSON escape stands next to them,
 * and leaves everything else of the document as it was.
 */
class JsonScrubberTest {
    private static final String CODE_MASK = "[REDACTED activation code]";
    private static final String LICENSE_MASK = "[REDACTED license key]";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonScrubber scrubber = new JsonScrubber(SecretScanner::mask);

    private String scrub(String json) {
        return scrubber.scrub(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(String json, String field) throws Exception {
        return MAPPER.readTree(json).get(field).asText();
    }

    /** The code is gone from the scrubbed text, and the field decodes to {@code expected}. */
    private void assertMasked(String json, String code, String field, String expected) throws Exception {
        String scrubbed = scrub(json);
        assertThat(scrubbed).doesNotContain(code);
        assertThat(text(scrubbed, field)).isEqualTo(expected);
    }

    @Test
    void a_code_right_after_or_before_each_escape_is_masked() throws Exception {
        String code = TestSecrets.activationCode();
        assertMasked("{\"c\":\"code:\\n" + code + "\"}", code, "c", "code:\n" + CODE_MASK);
        assertMasked("{\"c\":\"hello\\r\\n" + code + "\\r\\nthanks\"}", code, "c", "hello\r\n" + CODE_MASK + "\r\nthanks");
        assertMasked("{\"c\":\"code\\t" + code + "\"}", code, "c", "code\t" + CODE_MASK);
        assertMasked("{\"c\":\"the code is \\\"" + code + "\\\"\"}", code, "c", "the code is \"" + CODE_MASK + "\"");
        assertMasked("{\"c\":\"" + code + "\\nthanks\"}", code, "c", CODE_MASK + "\nthanks");
        assertMasked("{\"c\":\"C:\\\\tmp\\\\\\n" + code + "\"}", code, "c", "C:\\tmp\\\n" + CODE_MASK);
        assertMasked("{\"c\":\"a\\/b\\n" + code + "\\n\\/c\"}", code, "c", "a/b\n" + CODE_MASK + "\n/c");
        assertMasked("{\"c\":\"code:\\u000a" + code + "\"}", code, "c", "code:\n" + CODE_MASK);
    }

    @Test
    void a_code_with_some_of_its_own_chars_escaped_is_masked() throws Exception {
        String code = TestSecrets.activationCode();
        String first = "\\u00" + Integer.toHexString(code.charAt(0));
        String middle = "\\u00" + Integer.toHexString(code.charAt(12)).toUpperCase();
        String last = "\\u00" + Integer.toHexString(code.charAt(23));
        String escaped = first + code.substring(1, 12) + middle + code.substring(13, 23) + last;
        String scrubbed = scrub("{\"c\":\"my code: " + escaped + "\"}");
        assertThat(scrubbed).doesNotContain(escaped).doesNotContain(code.substring(1, 12)).doesNotContain(code.substring(13, 23));
        assertThat(text(scrubbed, "c")).isEqualTo("my code: " + CODE_MASK);
    }

    @Test
    void codes_are_masked_in_every_position_of_the_document() throws Exception {
        String top = TestSecrets.activationCode();
        assertThat(MAPPER.readTree(scrub("\"code:\\n" + top + "\"")).asText()).isEqualTo("code:\n" + CODE_MASK);

        String nested = TestSecrets.activationCode();
        String inArray = TestSecrets.activationCode();
        String key = TestSecrets.activationCode();
        String scrubbed = scrub("{\"ticket\":{\"comments\":[{\"body\":\"hi\\n" + nested + "\"}]},"
                + "\"tags\":[\"a\",\"x\\n" + inArray + "\",7],\"code\\n" + key + "\":1}");
        assertThat(scrubbed).doesNotContain(nested).doesNotContain(inArray).doesNotContain(key);
        JsonNode root = MAPPER.readTree(scrubbed);
        assertThat(root.at("/ticket/comments/0/body").asText()).isEqualTo("hi\n" + CODE_MASK);
        assertThat(root.at("/tags/1").asText()).isEqualTo("x\n" + CODE_MASK);
        assertThat(root.at("/tags/2").asInt()).isEqualTo(7);
        assertThat(fieldNames(root)).containsExactly("ticket", "tags", "code\n" + CODE_MASK);
    }

    @Test
    void a_code_at_the_end_of_a_long_string_is_masked() throws Exception {
        String code = TestSecrets.activationCode();
        String prose = "words ".repeat(50_000);
        assertMasked("{\"c\":\"" + prose + "\\n" + code + "\"}", code, "c", prose + "\n" + CODE_MASK);
    }

    @Test
    void two_keys_that_mask_to_the_same_text_both_stay() {
        String one = TestSecrets.activationCode();
        String two = TestSecrets.activationCode();
        String scrubbed = scrub("{\"" + one + "\":1,\"" + two + "\":2}");
        assertThat(scrubbed).isEqualTo("{\"" + CODE_MASK + "\":1,\"" + CODE_MASK + "\":2}");
    }

    @Test
    void a_license_wrapped_with_json_line_breaks_is_masked_as_one_license() throws Exception {
        for (String eol : new String[] {"\n", "\r\n"}) {
            String license = TestSecrets.license(eol);
            String escapedEol = eol.replace("\r", "\\r").replace("\n", "\\n");
            String json = "{\"c\":\"my license:" + escapedEol + license.replace(eol, escapedEol) + escapedEol + "thanks\"}";
            String scrubbed = scrub(json);
            for (String line : license.split(eol)) {
                if (line.length() >= 20) assertThat(scrubbed).doesNotContain(line);
            }
            assertThat(text(scrubbed, "c")).isEqualTo("my license:" + eol + LICENSE_MASK + eol + "thanks");
        }
    }

    @Test
    void json_inside_a_string_is_scrubbed_by_its_own_decoded_text() throws Exception {
        String code = TestSecrets.activationCode();
        String scrubbed = scrub("{\"raw\":\"{\\\"note\\\":\\\"x\\\\n" + code + "\\\"}\"}");
        assertThat(scrubbed).doesNotContain(code);
        assertThat(MAPPER.readTree(text(scrubbed, "raw")).get("note").asText()).isEqualTo("x\n" + CODE_MASK);
    }

    @Test
    void a_document_without_secrets_keeps_its_values_exactly() {
        String json = "{\"ticket_id\":1001,\"event\":\"ticket.updated\",\"big\":123456789012345678901234567890,"
                + "\"precise\":0.10000000000000000000000001,\"huge\":1E+400,\"flag\":true,\"none\":null,\"a\":\"x\",\"a\":\"y\","
                + "\"text\":\"line\\nbreak \\\"quoted\\\" \\u00e9t\\u00e9 \\ud83d\\ude00\",\"raw\":\"{ \\\"kept\\\" : [1, 2] }\","
                + "\"list\":[[],{},\"\"]}";
        String scrubbed = scrub(json);
        assertThat(scrubbed).contains("\"big\":123456789012345678901234567890", "\"precise\":0.10000000000000000000000001",
                "\"raw\":\"{ \\\"kept\\\" : [1, 2] }\"", "\"a\":\"x\",\"a\":\"y\"", "\"flag\":true,\"none\":null",
                "\"list\":[[],{},\"\"]");
        assertThat(scrubbed).contains("été 😀");
        assertThat(scrub(scrubbed)).isEqualTo(scrubbed);
    }

    @Test
    void identifier_fields_are_masked_as_identifiers_and_other_fields_as_text() throws Exception {
        JsonScrubber both = new JsonScrubber(SecretScanner::mask, SecretScanner::maskIdentifier);
        String code = TestSecrets.activationCode();
        String json = "[\"top\",{\"action_id\":\"approve_" + code + "\",\"actor_email\":\"" + code + "@vendor.example\","
                + "\"list\":[\"approve_" + code + "\"],\"value\":\"approve_" + code + "\"}]";
        String scrubbed = both.scrub(json.getBytes(StandardCharsets.UTF_8));
        var node = MAPPER.readTree(scrubbed).get(1);
        assertThat(node.get("action_id").asText()).isEqualTo("approve_" + CODE_MASK);
        assertThat(node.get("actor_email").asText()).isEqualTo(CODE_MASK + "@vendor.example");
        // Outside identifier fields the text rules apply: a code glued to other chars is part of a longer token there.
        assertThat(node.get("value").asText()).isEqualTo("approve_" + code);
        assertThat(node.get("list").get(0).asText()).isEqualTo("approve_" + code);
    }

    @Test
    void only_the_first_json_value_is_written() {
        String code = TestSecrets.activationCode();
        assertThat(scrub("{\"a\":1} {\"b\":\"" + code + "\"}")).isEqualTo("{\"a\":1}");
    }

    @Test
    void what_is_not_json_is_refused() {
        for (String bad : new String[] {"", "   ", "{\"a\":", "{\"a\" 1}", "[1,2", "not json", "{\"a\":\"unterminated}"}) {
            assertThatThrownBy(() -> scrub(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Iterable<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) names.add(it.next().getKey());
        return names;
    }
}
