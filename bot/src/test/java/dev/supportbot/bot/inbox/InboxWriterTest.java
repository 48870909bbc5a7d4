package dev.supportbot.bot.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/** Group commit of intake: many concurrent callers, one writer; each caller gets its own answer. */
class InboxWriterTest {

    private static NewInboxEvent event(String key) {
        return new NewInboxEvent("zendesk", key, "ticket.updated", 42L, "{\"ticket_id\":42}");
    }

    @Test
    void concurrent_callers_each_get_their_answer_and_a_key_is_accepted_once() throws Exception {
        try (Database db = TestDatabases.open(); Inbox inbox = new Inbox(db, Clock.systemUTC())) {
            inbox.accept(event("delivery:existing"));
            int callers = 16;
            int keys = 200;
            Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
            AtomicInteger duplicates = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                done.add(pool.submit(() -> {
                    go.await();
                    // Every caller sends every key (and the one stored before): duplicates inside a batch and across.
                    for (int k = 0; k < keys; k++) {
                        String key = k % 50 == 0 ? "delivery:existing" : "delivery:" + k;
                        if (inbox.accept(event(key)) == Acceptance.ACCEPTED) {
                            accepted.computeIfAbsent(key, x -> new AtomicInteger()).incrementAndGet();
                        } else {
                            duplicates.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
            pool.shutdown();

            assertThat(accepted).doesNotContainKey("delivery:existing");
            assertThat(accepted).hasSize(keys - keys / 50);
            assertThat(accepted.values()).allSatisfy(n -> assertThat(n.get()).as("times accepted").isEqualTo(1));
            assertThat(duplicates.get()).isEqualTo(callers * keys - accepted.size());
            assertThat(inbox.depth()).isEqualTo(1 + accepted.size());
        }
    }

    @Test
    void a_batch_that_cannot_be_stored_fails_its_callers_and_the_next_batch_is_stored() {
        try (Database db = TestDatabases.open(); Inbox inbox = new Inbox(db, Clock.systemUTC())) {
            NewInboxEvent broken = new NewInboxEvent("zendesk", "delivery:broken", "ticket.updated", 42L, null);
            assertThatThrownBy(() -> inbox.accept(broken)).isInstanceOf(InboxUnavailableException.class)
                    .hasMessageNotContaining("ticket_id");
            assertThat(inbox.accept(event("delivery:after"))).isEqualTo(Acceptance.ACCEPTED);
            assertThat(inbox.depth()).isEqualTo(1);
        }
    }

    @Test
    void a_full_queue_turns_callers_away_at_once_and_the_queued_ones_are_stored_later() throws Exception {
        try (Database db = TestDatabases.open(); Inbox inbox = new Inbox(db, Clock.systemUTC(), 1)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<Acceptance> first;
            Future<Acceptance> second;
            try (Handle blocker = db.jdbi().open()) {
                block(blocker); // the writer's next transaction waits for this one
                first = pool.submit(() -> inbox.accept(event("delivery:1")));
                Await.until("the writer to take the first event", Duration.ofSeconds(10),
                        () -> inbox.writer().taken() == 1);
                assertThat(first).isNotDone();
                second = pool.submit(() -> inbox.accept(event("delivery:2")));
                Await.until("the second event to wait in the queue", Duration.ofSeconds(10), () -> inbox.writer().waiting() == 1);

                assertThatThrownBy(() -> inbox.accept(event("delivery:3"))).isInstanceOf(InboxUnavailableException.class)
                        .hasMessageContaining("busy");
                // Turned away while the writer is still stuck: the refusal did not wait for the queue to move.
                assertThat(first).isNotDone();
                assertThat(inbox.writer().waiting()).isEqualTo(1);
                unblock(blocker);
            }
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(Acceptance.ACCEPTED);
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(Acceptance.ACCEPTED);
            assertThat(inbox.accept(event("delivery:3"))).isEqualTo(Acceptance.ACCEPTED);
            pool.shutdown();
        }
    }

    private static void block(Handle h) {
        h.begin();
        h.execute("LOCK TABLE inbox IN ACCESS EXCLUSIVE MODE");
    }

    private static void unblock(Handle h) {
        h.commit();
    }
}
