package dev.supportbot.workflows.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Codes hidden by an encoding (percent, base64) and codes glued inside identifiers. */
class EncodedSecretsTest {
    private static final String CODE = "Q7fz2LmN9pXc4RtY8vBn3KwD";

    private static String percentAll(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) out.append(String.format("%%%02X", b));
        return out.toString();
    }

    @Test
    void aPercentEncodedCodeIsFoundAsTheWholeEncodedToken() {
        String some = "%51" + CODE.substring(1);
        String all = percentAll(CODE);
        String form = "text=" + URLEncoder.encode("my activation code is " + CODE + " thanks", StandardCharsets.UTF_8);
        for (String text : List.of("see " + some + " please", "see " + all, form, "code%3A" + CODE.substring(0, 21) + "%" + "4B%77%44")) {
            List<SecretSpan> spans = SecretScanner.find(text);
            assertThat(spans).as(text).singleElement().satisfies(span -> assertThat(span.kind()).isEqualTo(SecretKind.ACTIVATION_CODE));
            assertThat(SecretScanner.mask(text)).as(text).doesNotContain(CODE.substring(4)).contains("[REDACTED activation code]");
            assertThat(SecretScanner.containsSecret(text)).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Activation code: CODE", "{\"activation_code\":\"CODE\"}", "hi,\nmy code is CODE.\nthanks"})
    void theBase64OfATextHoldingACodeIsFound(String template) {
        String text = template.replace("CODE", CODE);
        for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder().withoutPadding())) {
            String encoded = encoder.encodeToString(text.getBytes(StandardCharsets.UTF_8));
            String ticket = "Here is what the tool printed: " + encoded + " (base64)";
            assertThat(SecretScanner.find(ticket)).as(encoded).singleElement()
                    .satisfies(span -> assertThat(ticket.substring(span.start(), span.end())).isEqualTo(encoded));
            assertThat(SecretScanner.mask(ticket)).isEqualTo("Here is what the tool printed: [REDACTED activation code] (base64)");
            assertThat(SecretScanner.containsSecret(ticket)).isTrue();
        }
    }

    @Test
    void inBase64AnIdWithoutTalkOfACodeIsData() {
        String jsonApi = "{\"data\":{\"type\":\"subscriptions\",\"id\":\"" + CODE + "\"}}";
        assertThat(SecretScanner.find(Base64.getEncoder().encodeToString(jsonApi.getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void theBase64OfTextWithoutACodeAndOfBinaryIsLeftAlone() {
        String plain = Base64.getEncoder().encodeToString("Hello, the renewal is due next week for all seats".getBytes(StandardCharsets.UTF_8));
        String binary = "R0lGODlhAQABAIAAAAUEBAAAACwAAAAAAQABAAACAkQBADs7Gh5kL9vQm2Zr0Pq8XyWtBnA3";
        String url = "https://example.com/search?q=" + URLEncoder.encode("renewal quote for ACME", StandardCharsets.UTF_8);
        for (String text : List.of(plain, binary, url, "100%25 sure", "%2F" + CODE)) {
            assertThat(SecretScanner.find(text)).as(text).isEmpty();
            assertThat(SecretScanner.mask(text)).isSameAs(text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"approve_CODE", "CODE-approve", "plan:CODE:7", "CODE@vendor.example", "1234.CODE.abcdef", "view_CODE"})
    void anIdentifierGluedToACodeIsMasked(String template) {
        String id = template.replace("CODE", CODE);
        assertThat(SecretScanner.mask(id)).as("the text rules leave identifiers alone").isEqualTo(id);
        assertThat(SecretScanner.maskIdentifier(id)).isEqualTo(template.replace("CODE", "[REDACTED activation code]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"approval_approve", "reject_reason", "5f0c7a9b2e4d1c3a8b6f0e2d", "1234567890.123456789.abcdef0123456789abcdef",
            "getLicenseKeysFromServer_x", "agent@vendor.example", "ABCD1234EFGH5678IJKL9012"})
    void ordinaryIdentifiersAreKept(String id) {
        assertThat(SecretScanner.maskIdentifier(id)).isSameAs(id);
    }
}
