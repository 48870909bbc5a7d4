package dev.supportbot.bot.outbound;

import java.time.Duration;
import java.util.Optional;

/**
 * A call to an outside system (Zendesk, Slack, the issue tracker) failed. The message names the system and the
 * operation, never a request or response body: those can hold customer text.
 */
public final class OutboundException extends RuntimeException implements Retryable {

    public enum Failure {
        /** The adapter has no URL or credentials: set them, then retry. */
        NOT_CONFIGURED(false),
        /** The ticket, comment, user, project or message does not exist (or we may not see it). */
        NOT_FOUND(false),
        /** The system refused the request (bad credentials, invalid data). Retrying will not help. */
        REJECTED(false),
        /** Still rate limited after the bounded retries; {@link #retryAfter()} says when to try again. */
        RATE_LIMITED(true),
        /** Unreachable, timed out or failing (5xx). */
        UNAVAILABLE(true),
        /**
         * The system answered, but not with what its API promises (unparseable, a field missing, an unexpected status
         * or header). Retried: every call that creates something looks for what an earlier attempt created first.
         */
        BAD_RESPONSE(true);

        private final boolean retryable;

        Failure(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Failure failure;
    private final Duration retryAfter;

    public OutboundException(Failure failure, String message) {
        this(failure, message, null, null);
    }

    public OutboundException(Failure failure, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.retryAfter = retryAfter;
    }

    public static OutboundException rateLimited(String message, Duration retryAfter) {
        return new OutboundException(Failure.RATE_LIMITED, message, retryAfter, null);
    }

    public Failure failure() {
        return failure;
    }

    public boolean retryable() {
        return failure.retryable();
    }

    /** Rate limited or unavailable: the far side may answer a repeated call. */
    @Override
    public boolean mayPass() {
        return failure == Failure.RATE_LIMITED || failure == Failure.UNAVAILABLE;
    }

    /** For {@link Failure#RATE_LIMITED}: how long the system asked us to wait. */
    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
