package dev.supportbot.bot.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.bot.outbound.RetryAfter;
import dev.supportbot.bot.outbound.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PortalRetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(30));
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void backoff_doubles_per_attempt_up_to_the_cap_and_stays_in_the_upper_half() {
        RandomGenerator random = new SplittableRandom(7);
        IntStream.range(0, 200).forEach(i -> {
            assertThat(backoff(1, random)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
            assertThat(backoff(2, random)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(backoff(3, random)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
            assertThat(backoff(4, random)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
            assertThat(backoff(60, random)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        });
    }

    @Test
    void backoff_is_jittered() {
        RandomGenerator random = new SplittableRandom(7);
        assertThat(IntStream.range(0, 50).mapToObj(i -> backoff(3, random)).distinct().count()).isGreaterThan(10);
    }

    @Test
    void retry_after_is_read_as_seconds_or_as_an_http_date() {
        assertThat(RetryAfter.parse("7", clock)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(" 0 ", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Sun, 22 Nov 2026 10:00:45 GMT", clock)).contains(Duration.ofSeconds(45));
        assertThat(RetryAfter.parse("Sun, 22 Nov 2026 09:00:00 GMT", clock)).contains(Duration.ZERO);
    }

    @Test
    void an_absent_or_unreadable_retry_after_is_ignored() {
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse("-5", clock)).isEmpty();
    }

    private Duration backoff(int failedAttempts, RandomGenerator random) {
        return policy.backoff().orElseThrow().delayAfter(failedAttempts, random);
    }

    @Test
    void the_policy_refuses_inconsistent_limits() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_idempotency_key_is_printable_ascii_of_bounded_length() {
        assertThat(IdempotencyKey.of("action-42:attempt").value()).isEqualTo("action-42:attempt");
        assertThatThrownBy(() -> IdempotencyKey.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.of("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.of("x".repeat(256))).isInstanceOf(IllegalArgumentException.class);
    }
}
