package dev.supportbot.workflows.redaction;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * Realistic fake secrets and decoys, from a seeded {@link Random} so tests and the corpus are reproducible.
 * Licenses are built the way the license generator builds them: AES-128-CBC ciphertext, an RSA-2048-sized encrypted
 * key and a 16-byte iv, each MIME-base64'd (60-char lines, {@code \n}-terminated), put in
 * {@code {"data":..,"key":..,"iv":..}} (the line breaks JSON-escaped) and the JSON base64'd again in 60-char lines.
 */
public final class FakeSecrets {
    public static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Random random;

    public FakeSecrets(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** A cloud activation code: 24 chars drawn uniformly from [A-Za-z0-9]. */
    public String activationCode() {
        return randomChars(ALPHANUMERIC, 24);
    }

    public String randomChars(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return out.toString();
    }

    public byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The license file text on one line (no wrapping). */
    public String licenseBase64() {
        int dataBlocks = 20 + random.nextInt(60);
        String json = "{\"data\":\"" + rubyBase64(bytes(16 * dataBlocks)).replace("\n", "\\n")
                + "\",\"key\":\"" + rubyBase64(bytes(256)).replace("\n", "\\n")
                + "\",\"iv\":\"" + rubyBase64(bytes(16)).replace("\n", "\\n") + "\"}";
        return base64(json.getBytes(StandardCharsets.US_ASCII));
    }

    /** Like Ruby's {@code Base64.encode64}: 60-char lines, each ending with a line break. */
    public static String rubyBase64(byte[] bytes) {
        return wrap(base64(bytes), 60, "\n", "") + "\n";
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static String base64(String text) {
        return base64(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code text} in lines of {@code width} chars (0: one line) joined by {@code eol}; lines after the first get {@code prefix}. */
    public static String wrap(String text, int width, String eol, String prefix) {
        if (width <= 0 || text.length() <= width) return text;
        StringBuilder out = new StringBuilder(text.length() + text.length() / width * (eol.length() + prefix.length()));
        for (int i = 0; i < text.length(); i += width) {
            if (i > 0) out.append(eol).append(prefix);
            out.append(text, i, Math.min(text.length(), i + width));
        }
        return out.toString();
    }

    public String uuid() {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }

    public String hex(int length) {
        return randomChars("0123456789abcdef", length);
    }

    /** A JWT-shaped token (base64url header.payload.signature), not a license. */
    public String jwt() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8));
        String payload = url.encodeToString(("{\"sub\":\"" + random.nextInt(1_000_000) + "\",\"iss\":\"https://gitlab.example.com\","
                + "\"aud\":\"" + randomChars(ALPHANUMERIC, 24) + "\",\"exp\":" + (1_700_000_000L + random.nextInt(100_000_000))
                + ",\"nonce\":\"" + randomChars(ALPHANUMERIC, 24) + "\"}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + url.encodeToString(bytes(256));
    }
}
