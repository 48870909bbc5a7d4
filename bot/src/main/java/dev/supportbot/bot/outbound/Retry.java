package dev.supportbot.bot.outbound;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one retry of the bot's outbound calls (Zendesk, Slack, the issue tracker, the portal): repeats a call whose
 * failure may pass ({@link Retryable}) as its {@link RetryPolicy} says. Every wait goes through the {@link Sleeper},
 * which checks afterwards that the inbox lease on the work is still held, so a call never goes out for an event
 * another worker took over. A {@code Retry-After} longer than the policy's bound is not sat out on a worker thread:
 * the failure goes up with it for the inbox to reschedule. One small class rather than a library: the waits must go
 * through the injected {@link Sleeper} (the lease check, tests that move a fake clock), which Failsafe and
 * resilience4j do not offer for a synchronous call.
 */
public final class Retry {
    private static final Logger log = LoggerFactory.getLogger(Retry.class);

    /** One attempt at a call; may wait (for a rate limiter) and so be interrupted. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws InterruptedException;
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    /**
     * Three attempts, repeated only when the far side asks, for waits of up to 30 s: a worker holds its inbox lease
     * (2 min by default, renewed while it works) through at most two waits; longer waits go back to the inbox.
     */
    public static Retry standard(Sleeper sleeper) {
        return new Retry(RetryPolicy.whenAsked(3, Duration.ofSeconds(30)), sleeper, RandomGenerator.getDefault());
    }

    public Retry(RetryPolicy policy, Sleeper sleeper, RandomGenerator random) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
    }

    /** {@code what} names the call in the message of an interruption, e.g. "Zendesk: add tags to ticket 42". */
    public <T> T call(String what, Attempt<T> attempt) {
        for (int n = 1; ; n++) {
            RuntimeException failed;
            try {
                return attempt.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OutboundException(OutboundException.Failure.UNAVAILABLE, what + ": interrupted while waiting", null, e);
            } catch (RuntimeException e) {
                failed = e;
            }
            if (!(failed instanceof Retryable failure) || !failure.mayPass()) throw failed;
            Optional<Duration> asked = failure.retryAfter();
            Optional<Duration> wait = asked.isPresent() ? asked : backoff(n);
            if (wait.isEmpty()) throw failed;
            if (n >= policy.maxAttempts()) throw failure.stopped("gave up after " + n + " attempts");
            if (wait.get().compareTo(policy.maxRetryAfter()) > 0) throw failure.stopped("longer than this client waits");
            log.warn("{}; attempt {}/{} in {} ms", failed.getMessage(), n + 1, policy.maxAttempts(), wait.get().toMillis());
            try {
                sleeper.sleep(wait.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure.stopped("interrupted while waiting to retry");
            }
        }
    }

    private Optional<Duration> backoff(int failedAttempts) {
        return policy.backoff().map(b -> b.delayAfter(failedAttempts, random));
    }
}
