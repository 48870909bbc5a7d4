package dev.supportbot.bot.portal;

import dev.supportbot.bot.outbound.Retryable;
import java.time.Duration;
import java.util.Optional;

/**
 * A portal call that failed. The message names the call and carries the server's problem detail (scrubbed of
 * secrets); it never holds a token, license text or activation code.
 */
public abstract sealed class PortalException extends RuntimeException implements Retryable {
    private final String call;
    private final int status;
    private final String detail;

    private PortalException(String call, int status, String detail) {
        super("portal " + call + ": " + (status > 0 ? status + " " : "") + detail);
        this.call = call;
        this.status = status;
        this.detail = detail;
    }

    /** Only {@link Unavailable} may pass. */
    @Override
    public boolean mayPass() {
        return false;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /** The HTTP status, or 0 when there was no answer (timeout, connection failure). */
    public int status() {
        return status;
    }

    /** What went wrong, in the server's words when it gave some. */
    public String detail() {
        return detail;
    }

    /** 404 (or 410): the entity does not exist (any more). */
    public static final class NotFound extends PortalException {
        public NotFound(String call, int status, String detail) {
            super(call, status, detail);
        }
    }

    /** 409: the change contradicts the current state, e.g. the customer already has a membership. */
    public static final class Conflict extends PortalException {
        public Conflict(String call, int status, String detail) {
            super(call, status, detail);
        }
    }

    /** 400 or 422: the request was invalid; repeating it will not help. */
    public static final class Rejected extends PortalException {
        public Rejected(String call, int status, String detail) {
            super(call, status, detail);
        }
    }

    /** 401 or 403: the portal refused the bot's credentials (BOT_PORTAL_TOKEN). */
    public static final class Refused extends PortalException {
        public Refused(String call, int status, String detail) {
            super(call, status, detail);
        }
    }

    /**
     * The portal did not answer usefully after the retries (5xx, 429, timeout, connection failure). Worth trying again
     * later, no earlier than {@link #retryAfter()} when the portal said so.
     */
    public static final class Unavailable extends PortalException {
        private final Duration retryAfter;

        public Unavailable(String call, int status, String detail, Duration retryAfter) {
            super(call, status, detail);
            this.retryAfter = retryAfter;
        }

        @Override
        public boolean mayPass() {
            return true;
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }

        /** The same failure, its detail followed by why the client stopped repeating the call. */
        @Override
        public Unavailable stopped(String why) {
            return new Unavailable(super.call, status(), detail() + " (" + why + ")", retryAfter);
        }
    }

    /**
     * The answer was not what the API document promises (malformed JSON, unexpected status). Worded "bad response",
     * as the other outbound adapters word it.
     */
    public static final class BadResponse extends PortalException {
        public BadResponse(String call, int status, String detail) {
            super(call, status, "bad response (" + detail + ")");
        }
    }
}
