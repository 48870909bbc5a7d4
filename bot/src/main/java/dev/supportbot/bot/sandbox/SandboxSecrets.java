package dev.supportbot.bot.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes the fake back end's secrets: activation codes (24 alphanumerics), license files (base64 of JSON with data, key
 * and iv, like a {@code .gitlab-license}) and sign-in tokens. Nothing here is ever logged.
 */
final class SandboxSecrets {
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecureRandom random = new SecureRandom();

    /** 24 alphanumerics with at least one letter and one digit, as real codes have. */
    String activationCode() {
        while (true) {
            StringBuilder code = new StringBuilder(24);
            for (int i = 0; i < 24; i++) code.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
            String s = code.toString();
            if (s.chars().anyMatch(Character::isDigit) && s.chars().anyMatch(Character::isLetter)) return s;
        }
    }

    /** A license file's text. Its content is random: the sandbox knows the license by the text's digest. */
    String licenseText() {
        Map<String, String> file = new LinkedHashMap<>();
        file.put("data", base64(randomBytes(512)));
        file.put("key", base64(randomBytes(256)));
        file.put("iv", base64(randomBytes(16)));
        try {
            return base64(JSON.writeValueAsBytes(file));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a license file", e);
        }
    }

    String signInToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    /** SHA-256 (hex) of a license text with all whitespace removed, as pasted copies differ in line breaks. */
    static String digest(String licenseText) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(licenseText.replaceAll("\\s+", "").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
