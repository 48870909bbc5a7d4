package dev.supportbot.bot.redaction;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Realistic secrets for tests, fresh from {@link SecureRandom}: activation codes as the portal issues them, and
 * license files as the license generator writes them (base64 of {@code {"data":..,"key":..,"iv":..}} whose values
 * are MIME-style base64 with JSON-escaped line breaks, the whole wrapped in 60-char lines).
 */
public final class TestSecrets {
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestSecrets() {}

    /** 24 chars from [A-Za-z0-9], with at least one upper-case letter, lower-case letter and digit. */
    public static String activationCode() {
        while (true) {
            StringBuilder code = new StringBuilder(24);
            for (int i = 0; i < 24; i++) code.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
            String s = code.toString();
            if (s.chars().anyMatch(Character::isUpperCase) && s.chars().anyMatch(Character::isLowerCase)
                    && s.chars().anyMatch(Character::isDigit)) {
                return s;
            }
        }
    }

    /** A license file's text in 60-char lines joined by {@code eol}, no trailing line break. */
    public static String license(String eol) {
        String json = "{\"data\":\"" + jsonEscapedBase64(bytes(16 * 40)) + "\",\"key\":\"" + jsonEscapedBase64(bytes(256))
                + "\",\"iv\":\"" + jsonEscapedBase64(bytes(16)) + "\"}";
        return String.join(eol, lines(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.US_ASCII))));
    }

    private static String[] lines(String base64) {
        String[] lines = new String[(base64.length() + 59) / 60];
        for (int i = 0; i < lines.length; i++) lines[i] = base64.substring(i * 60, Math.min(base64.length(), i * 60 + 60));
        return lines;
    }

    private static String jsonEscapedBase64(byte[] bytes) {
        return String.join("\\n", lines(Base64.getEncoder().encodeToString(bytes))) + "\\n";
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
