package dev.supportbot.bot.inbox;

/**
 * The inbox cannot take an event now (its queue is full, the store failed, or it is closing). Nothing was
 * acknowledged: the sender should retry after {@link #RETRY_AFTER_SECONDS}.
 */
public final class InboxUnavailableException extends RuntimeException {
    public static final int RETRY_AFTER_SECONDS = 1;

    public InboxUnavailableException(String message) {
        super(message);
    }

    public InboxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
