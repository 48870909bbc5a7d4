package dev.supportbot.bot.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.bot.testing.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateLimiterTest {

    private static List<Instant> acquireTimes(RateLimiter limiter, FakeTime time, int count) throws InterruptedException {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            limiter.acquire();
            times.add(time.instant());
        }
        return times;
    }

    @Test
    void a_tenth_of_the_limit_goes_through_at_once_then_permits_are_spaced_evenly() throws InterruptedException {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(80, time, time);

        List<Instant> times = acquireTimes(limiter, time, 10);

        assertThat(times.subList(0, 8)).allMatch(t -> t.equals(times.get(0)));
        // The remaining 72 a minute refill one token every 60/72 s.
        assertThat(Duration.between(times.get(7), times.get(8))).isEqualTo(Duration.ofNanos(833_333_334));
        assertThat(Duration.between(times.get(8), times.get(9))).isBetween(Duration.ofMillis(833), Duration.ofMillis(834));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 10, 80, 100, 333})
    void never_more_than_the_limit_in_any_minute(int limit) throws InterruptedException {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(limit, time, time);

        List<Instant> times = acquireTimes(limiter, time, limit * 4);

        for (int i = 0; i + limit < times.size(); i++) {
            assertThat(Duration.between(times.get(i), times.get(i + limit)))
                    .as("permits %d..%d", i, i + limit)
                    .isGreaterThan(Duration.ofMinutes(1));
        }
    }

    @Test
    void an_idle_limiter_refills_only_up_to_its_burst() throws InterruptedException {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(80, time, time);
        acquireTimes(limiter, time, 8);

        time.advance(Duration.ofHours(1));
        acquireTimes(limiter, time, 9);

        assertThat(time.sleeps()).hasSize(1);
    }

    @Test
    void a_limit_below_two_is_refused() {
        FakeTime time = new FakeTime();
        assertThatThrownBy(() -> new RateLimiter(1, time, time)).isInstanceOf(IllegalArgumentException.class);
    }
}
