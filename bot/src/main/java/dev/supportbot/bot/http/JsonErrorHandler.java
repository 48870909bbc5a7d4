package dev.supportbot.bot.http;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to requests it refuses before any route sees them (URI or headers too large, no Host, bad HTTP
 * version, malformed framing, body too slow): the same JSON as {@link ApiError} instead of Jetty's HTML page. The
 * message is the standard reason phrase of the status, never the exception, so nothing of the request is echoed.
 */
final class JsonErrorHandler extends ErrorHandler {
    /** Every method gets the JSON body (Jetty's default leaves it out for all but GET, POST and HEAD, e.g. "PRI"). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String reason = HttpStatus.getMessage(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiError.CONTENT_TYPE);
        response.write(true, StandardCharsets.UTF_8.encode(ApiError.json(code, reason == null ? "bad request" : reason.toLowerCase())), callback);
    }
}
