package dev.supportbot.bot.console;

import dev.supportbot.bot.http.HmacSignatures;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Who may see the console. In sandbox mode everyone (it is a local demo over generated data). Otherwise only
 * requests carrying {@code BOT_CONSOLE_TOKEN}, as {@code Authorization: Bearer} or as the session cookie the login
 * form sets; with no token configured the console does not exist (404).
 */
final class ConsoleAccess {
    static final String COOKIE = "supportbot_console";

    private final boolean open;
    private final String token;

    private ConsoleAccess(boolean open, String token) {
        this.open = open;
        this.token = token;
    }

    static ConsoleAccess of(boolean sandbox, String token) {
        return new ConsoleAccess(sandbox, token == null || token.isBlank() ? null : token);
    }

    boolean open() {
        return open;
    }

    /** Throws 404 when the console is off, 401 when the request does not carry the token. */
    void check(Context ctx) {
        if (open) return;
        if (token == null) throw new NotFoundResponse("not found");
        if (!allowed(ctx)) throw new UnauthorizedResponse("the console needs BOT_CONSOLE_TOKEN (Authorization: Bearer, or sign in at /login)");
    }

    /** The login form's page exists whenever the console does. */
    void checkExists() {
        if (!open && token == null) throw new NotFoundResponse("not found");
    }

    boolean allowed(Context ctx) {
        if (open) return true;
        if (token == null) return false;
        String header = ctx.header("Authorization");
        if (header != null && header.startsWith("Bearer ") && same(header.substring(7).trim(), token)) return true;
        String cookie = ctx.cookie(COOKIE);
        return cookie != null && same(cookie, sessionValue());
    }

    /** Sets the session cookie when {@code given} is the token; false otherwise. */
    boolean login(Context ctx, String given) {
        if (open || token == null || given == null || !same(given.trim(), token)) return false;
        ctx.cookie(new Cookie(COOKIE, sessionValue(), "/", 8 * 3600, false, true, null, SameSite.STRICT));
        return true;
    }

    void logout(Context ctx) {
        ctx.cookie(new Cookie(COOKIE, "", "/", 0, false, true, null, SameSite.STRICT));
    }

    /** The cookie holds a MAC derived from the token, never the token itself. */
    private String sessionValue() {
        return HexFormat.of().formatHex(HmacSignatures.hmacSha256(token, HmacSignatures.utf8("supportbot console session")));
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
