package dev.supportbot.bot.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.bot.outbound.OutboundException.Failure;
import dev.supportbot.bot.testing.FakeTime;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one retry of outbound calls, with the policy every adapter but the portal uses and the portal's. */
class RetryTest {
    private final FakeTime time = new FakeTime();
    private final Retry retry = new Retry(RetryPolicy.whenAsked(3, Duration.ofSeconds(60)), time, new SplittableRandom(7));

    @Test
    void waits_as_long_as_asked_then_tries_again() {
        AtomicInteger calls = new AtomicInteger();
        String result = retry.call("test", () -> {
            if (calls.incrementAndGet() == 1) throw OutboundException.rateLimited("slow down", Duration.ofSeconds(7));
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void gives_up_after_the_last_attempt() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.call("test", () -> {
            calls.incrementAndGet();
            throw OutboundException.rateLimited("slow down", Duration.ofSeconds(2));
        })).isInstanceOfSatisfying(OutboundException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.RATE_LIMITED);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
        });
        assertThat(calls).hasValue(3);
        assertThat(time.sleeps()).hasSize(2);
    }

    @Test
    void a_wait_longer_than_the_bound_is_left_to_the_caller() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.call("test", () -> {
            calls.incrementAndGet();
            throw OutboundException.rateLimited("slow down", Duration.ofMinutes(10));
        })).isInstanceOf(OutboundException.class);
        assertThat(calls).hasValue(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void without_a_backoff_a_failure_the_far_side_gave_no_wait_for_is_not_retried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.call("test", () -> {
            calls.incrementAndGet();
            throw new OutboundException(Failure.UNAVAILABLE, "down");
        })).isInstanceOfSatisfying(OutboundException.class, e -> assertThat(e.failure()).isEqualTo(Failure.UNAVAILABLE));
        assertThat(calls).hasValue(1);
    }

    @Test
    void other_failures_are_not_retried() {
        Retry withBackoff = new Retry(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(60)),
                time, new SplittableRandom(7));
        for (Failure failure : List.of(Failure.NOT_FOUND, Failure.REJECTED, Failure.BAD_RESPONSE, Failure.NOT_CONFIGURED)) {
            AtomicInteger calls = new AtomicInteger();
            assertThatThrownBy(() -> withBackoff.call("test", () -> {
                calls.incrementAndGet();
                throw new OutboundException(failure, "no");
            })).isInstanceOfSatisfying(OutboundException.class, e -> assertThat(e.failure()).isEqualTo(failure));
            assertThat(calls).as(failure.name()).hasValue(1);
        }
        assertThatThrownBy(() -> withBackoff.call("test", () -> {
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void with_a_backoff_a_failure_that_may_pass_is_retried_after_growing_jittered_waits() {
        Retry withBackoff = new Retry(new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(60)),
                time, new SplittableRandom(7));
        AtomicInteger calls = new AtomicInteger();
        String result = withBackoff.call("test", () -> {
            if (calls.incrementAndGet() < 4) throw new OutboundException(Failure.UNAVAILABLE, "down");
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(time.sleeps()).hasSize(3);
        assertThat(time.sleeps().get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(time.sleeps().get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(time.sleeps().get(2)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
    }

    @Test
    void a_wait_that_is_interrupted_restores_the_flag_and_fails_with_the_failure_it_waited_on() {
        Retry interrupted = new Retry(RetryPolicy.whenAsked(3, Duration.ofSeconds(60)), d -> {
            throw new InterruptedException();
        }, new SplittableRandom(7));
        try {
            assertThatThrownBy(() -> interrupted.call("Zendesk: add tags", () -> {
                throw OutboundException.rateLimited("Zendesk: add tags: rate limited", Duration.ofSeconds(1));
            })).isInstanceOfSatisfying(OutboundException.class, e -> {
                assertThat(e.failure()).isEqualTo(Failure.RATE_LIMITED);
                assertThat(e.retryAfter()).as("for the inbox to wait it out").contains(Duration.ofSeconds(1));
            });
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void an_attempt_interrupted_in_its_own_wait_restores_the_flag_and_fails_as_unavailable() {
        try {
            assertThatThrownBy(() -> retry.call("Zendesk: add tags", () -> {
                throw new InterruptedException();
            })).isInstanceOfSatisfying(OutboundException.class, e -> {
                assertThat(e.failure()).isEqualTo(Failure.UNAVAILABLE);
                assertThat(e.getMessage()).startsWith("Zendesk: add tags");
            });
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
