package dev.supportbot.bot.config;

import java.security.SecureRandom;
import java.util.HexFormat;

/** A credential the bot makes up for one process (sandbox stand-ins), so that no fixed secret works anywhere. */
public final class GeneratedSecret {
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedSecret() {}

    public static String of(String prefix) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}
