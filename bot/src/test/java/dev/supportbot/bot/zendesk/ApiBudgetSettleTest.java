package dev.supportbot.bot.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.FakeTime;
import dev.supportbot.bot.testing.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Zendesk counts a request when it arrives, somewhere between our sending it and its answer: a request answered late
 * is counted from its answer, so that it does not leave our window while it may still be in Zendesk's.
 */
class ApiBudgetSettleTest {
    static final Duration WINDOW = Duration.ofSeconds(6);

    @Test
    void a_request_answered_late_is_counted_from_its_answer() throws Exception {
        FakeTime time = new FakeTime();
        try (Database db = TestDatabases.reopen(TestDatabases.freshUrl())) {
            ApiBudget budget = new ApiBudget(db, 2, 1, WINDOW, time, time);

            ApiBudget.Taken slow = budget.acquire(ApiBudget.Kind.WRITE);
            time.advance(Duration.ofSeconds(1));
            budget.settle(slow);
            time.advance(Duration.ofSeconds(6));

            // Seven seconds after it was sent, six after its answer: still in the window that ends now.
            assertThat(budget.left(ApiBudget.Kind.READ)).isEqualTo(1);
            assertThat(budget.left(ApiBudget.Kind.WRITE)).isZero();
            time.advance(Duration.ofMillis(1300));
            assertThat(budget.left(ApiBudget.Kind.READ)).isEqualTo(2);
            assertThat(budget.left(ApiBudget.Kind.WRITE)).isEqualTo(1);
        }
    }

    @Test
    void requests_answered_at_once_by_several_threads_are_each_counted_once_in_the_slot_of_their_answer() throws Exception {
        FakeTime time = new FakeTime();
        int threads = 16;
        try (Database db = TestDatabases.reopen(TestDatabases.freshUrl())) {
            ApiBudget budget = new ApiBudget(db, 100, 100, WINDOW, time, time);
            List<ApiBudget.Taken> taken = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                taken.add(budget.acquire(ApiBudget.Kind.WRITE)); // each in a slot of its own
                time.advance(WINDOW.dividedBy(60));
            }
            time.advance(Duration.ofSeconds(1));

            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> settled = new ArrayList<>();
                for (ApiBudget.Taken t : taken) {
                    settled.add(pool.submit(() -> {
                        go.await();
                        budget.settle(t);
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : settled) f.get(30, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }

            List<Integer> counted = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT used FROM zendesk_budget_use WHERE kind = 'updates' AND used > 0").mapTo(Integer.class).list());
            assertThat(counted).containsExactly(threads);
            assertThat(budget.left(ApiBudget.Kind.WRITE)).isEqualTo(100 - threads);
        }
    }

    @Test
    void a_request_answered_in_its_own_slot_is_counted_once() throws Exception {
        FakeTime time = new FakeTime();
        try (Database db = TestDatabases.reopen(TestDatabases.freshUrl())) {
            ApiBudget budget = new ApiBudget(db, 3, 3, WINDOW, time, time);

            ApiBudget.Taken quick = budget.acquire(ApiBudget.Kind.READ);
            budget.settle(quick);
            ApiBudget.Taken slow = budget.acquire(ApiBudget.Kind.READ);
            time.advance(Duration.ofSeconds(2));
            budget.settle(slow);

            assertThat(budget.left(ApiBudget.Kind.READ)).isEqualTo(1);
        }
    }
}
