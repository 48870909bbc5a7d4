package dev.supportbot.bot.http;

import io.javalin.http.Context;
import java.util.Map;

/** The one shape of every error the bot answers with: {@code {"error": "...", "status": 401}}. */
public final class ApiError {
    private ApiError() {}

    public static void respond(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message, "status", status));
    }
}
