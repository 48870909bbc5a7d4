package dev.supportbot.bot.portal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.workflows.redaction.SecretScanner;
import java.io.IOException;

/** Reads the message out of an RFC 7807 problem (or any JSON error body), scrubbed of secrets and kept short. */
final class ProblemDetail {
    private static final int MAX_LENGTH = 300;

    private ProblemDetail() {}

    static String of(byte[] body, String fallback) {
        String text = null;
        try {
            JsonNode root = body == null || body.length == 0 ? null : PortalJson.MAPPER.readTree(body);
            if (root != null && root.isObject()) {
                text = firstText(root, "detail", "title", "error", "message");
            }
        } catch (IOException e) {
            // not JSON: the status line says enough
        }
        if (text == null || text.isBlank()) return fallback;
        String scrubbed = SecretScanner.mask(text.strip());
        return scrubbed.length() <= MAX_LENGTH ? scrubbed : scrubbed.substring(0, MAX_LENGTH) + "…";
    }

    private static String firstText(JsonNode root, String... fields) {
        for (String field : fields) {
            JsonNode node = root.get(field);
            if (node != null && node.isTextual() && !node.asText().isBlank()) return node.asText();
        }
        return null;
    }
}
