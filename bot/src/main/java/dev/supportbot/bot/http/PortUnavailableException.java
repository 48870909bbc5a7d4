package dev.supportbot.bot.http;

/** The server cannot listen on the configured port (in use, or privileged). The message is one line. */
public final class PortUnavailableException extends RuntimeException {
    public PortUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
