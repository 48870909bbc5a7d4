package dev.supportbot.bot.http;

/** {@code Authorization: Bearer TOKEN}, compared in constant time. */
public final class BearerToken {
    private BearerToken() {}

    public static boolean matches(String authorizationHeader, String token) {
        if (token == null || authorizationHeader == null) return false;
        String header = authorizationHeader.trim();
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        return HmacSignatures.constantTimeEquals(HmacSignatures.utf8(token), HmacSignatures.utf8(header.substring(7).trim()));
    }
}
