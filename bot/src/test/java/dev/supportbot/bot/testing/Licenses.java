package dev.supportbot.bot.testing;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** Realistic secrets for tests: random 24-char activation codes and legacy license blobs. */
public final class Licenses {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private Licenses() {}

    /** 24 characters with upper case, lower case and digits, as real codes nearly always have. */
    public static String activationCode() {
        while (true) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 24; i++) code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            String c = code.toString();
            if (c.chars().anyMatch(Character::isUpperCase) && c.chars().anyMatch(Character::isLowerCase) && c.chars().anyMatch(Character::isDigit)) {
                return c;
            }
        }
    }

    /** base64 of {"data":…,"key":…,"iv":…}, as a .gitlab-license file holds it, on one line. */
    public static String license() {
        String json = "{\"data\":\"" + random(600) + "\",\"key\":\"" + random(256) + "\",\"iv\":\"" + random(12) + "\"}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A license wrapped in lines of {@code width}. */
    public static String wrappedLicense(int width) {
        String one = license();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < one.length(); i += width) {
            if (i > 0) out.append('\n');
            out.append(one, i, Math.min(one.length(), i + width));
        }
        return out.toString();
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }
}
