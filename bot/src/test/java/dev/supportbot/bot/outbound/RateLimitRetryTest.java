package dev.supportbot.bot.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.bot.outbound.OutboundException.Failure;
import dev.supportbot.bot.testing.FakeTime;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimitRetryTest {
    private final FakeTime time = new FakeTime();
    private final RateLimitRetry retry = new RateLimitRetry(3, Duration.ofSeconds(60), time);

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
    void other_failures_are_not_retried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.call("test", () -> {
            calls.incrementAndGet();
            throw new OutboundException(Failure.UNAVAILABLE, "down");
        })).isInstanceOfSatisfying(OutboundException.class, e -> assertThat(e.failure()).isEqualTo(Failure.UNAVAILABLE));
        assertThat(calls).hasValue(1);
    }

    @Test
    void an_interrupted_wait_restores_the_flag_and_fails_as_unavailable() {
        RateLimitRetry interrupted = new RateLimitRetry(3, Duration.ofSeconds(60), d -> {
            throw new InterruptedException();
        });
        try {
            assertThatThrownBy(() -> interrupted.call("Zendesk: add tags", () -> {
                throw OutboundException.rateLimited("slow down", Duration.ofSeconds(1));
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
