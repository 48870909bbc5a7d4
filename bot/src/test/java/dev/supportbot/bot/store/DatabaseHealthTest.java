package dev.supportbot.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.testing.TestDatabases;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DatabaseHealthTest {
    @Test
    void a_result_is_reused_until_it_is_max_age_old_then_the_write_is_made_again() {
        AtomicLong nanos = new AtomicLong();
        try (Database db = TestDatabases.open()) {
            DatabaseHealth health = new DatabaseHealth(db, Duration.ofSeconds(1), nanos::get);
            assertThat(health.status().up()).isTrue();
            assertThat(writes(db)).isEqualTo(1);
            nanos.addAndGet(Duration.ofMillis(999).toNanos());
            assertThat(health.status().up()).isTrue();
            assertThat(writes(db)).isEqualTo(1);
            nanos.addAndGet(Duration.ofMillis(1).toNanos());
            assertThat(health.status().up()).isTrue();
            assertThat(writes(db)).isEqualTo(2);

            db.jdbi().useHandle(h -> h.execute("DELETE FROM health_check"));
            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
            DatabaseHealth.Status missing = health.status();
            assertThat(missing.up()).isFalse();
            assertThat(missing.reason()).isEqualTo("health_check row is missing");
        }
    }

    private static long writes(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT checks FROM health_check").mapTo(Long.class).one());
    }
}
