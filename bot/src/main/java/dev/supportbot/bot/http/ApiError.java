package dev.supportbot.bot.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.supportbot.bot.json.Json;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The one shape of every error the bot answers with: {@code {"error": "...", "status": 401}}, whether a route, Bolt
 * or Jetty itself (malformed requests that never reach a route) writes it.
 */
public final class ApiError {
    public static final String CONTENT_TYPE = "application/json";

    private ApiError() {}

    public static void respond(Context ctx, int status, String message) {
        ctx.status(status).contentType(CONTENT_TYPE).result(json(status, message));
    }

    public static String json(int status, String message) {
        try {
            return Json.MAPPER.writeValueAsString(Map.of("error", message, "status", status));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
