package dev.supportbot.bot.http;

import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.EofException;

/**
 * A request that failed because of its client, not the bot: the connection closed before the body arrived (499, the
 * usual "client closed request"; nobody reads it), or the body came too slowly (408).
 */
record ClientFailure(int status, String message) {
    static final int CLIENT_CLOSED = 499;

    /** The client's failure behind {@code error}, or null when the error is the bot's own. */
    static ClientFailure of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EofException) return new ClientFailure(CLIENT_CLOSED, "client closed the connection before the request was read");
            if (t instanceof TimeoutException) return new ClientFailure(408, "request body arrived too slowly");
        }
        return null;
    }
}
