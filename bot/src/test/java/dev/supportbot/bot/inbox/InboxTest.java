package dev.supportbot.bot.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.SettableClock;
import dev.supportbot.bot.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

class InboxTest {

    private static NewInboxEvent event(String key) {
        return new NewInboxEvent("zendesk", key, "ticket.updated", 42L, "{\"ticket_id\":42}");
    }

    @Test
    void the_same_key_is_stored_once() {
        try (Database db = TestDatabases.open()) {
            Inbox inbox = new Inbox(db, Clock.systemUTC());
            assertThat(inbox.accept(event("delivery:1"))).isEqualTo(Acceptance.ACCEPTED);
            assertThat(inbox.accept(event("delivery:1"))).isEqualTo(Acceptance.DUPLICATE);
            assertThat(inbox.accept(event("delivery:2"))).isEqualTo(Acceptance.ACCEPTED);
            assertThat(inbox.depth()).isEqualTo(2);
        }
    }

    @Test
    void a_claimed_event_is_not_claimed_again_until_its_lease_runs_out() {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-22T10:00:00Z"));
        try (Database db = TestDatabases.open()) {
            Inbox inbox = new Inbox(db, clock);
            inbox.accept(event("k1"));
            List<InboxEvent> first = inbox.claim(10, Duration.ofSeconds(30));
            assertThat(first).hasSize(1);
            assertThat(first.get(0).attempts()).isEqualTo(1);
            assertThat(inbox.claim(10, Duration.ofSeconds(30))).isEmpty();

            // The first worker crashed: its lease runs out (by the database's clock).
            db.jdbi().useHandle(h -> h.execute("UPDATE inbox SET available_at = available_at - INTERVAL '31' SECOND"));
            List<InboxEvent> second = inbox.claim(10, Duration.ofSeconds(30));
            assertThat(second).extracting(InboxEvent::id).containsExactly(first.get(0).id());
            assertThat(second.get(0).attempts()).isEqualTo(2);

            // The crashed worker comes back late: its completion must not count.
            assertThatThrownBy(() -> inbox.complete(first.get(0), Handled.noop("late")))
                    .isInstanceOf(LostClaimException.class);
            inbox.complete(second.get(0), Handled.noop("ok"));
            assertThat(inbox.depth()).isZero();
        }
    }

    @Test
    void a_lease_runs_out_by_the_databases_clock_whatever_an_instances_clock_says() {
        try (Database db = TestDatabases.open()) {
            Inbox first = new Inbox(db, Clock.systemUTC());
            Inbox twoHoursAhead = new Inbox(db, new SettableClock(Instant.now().plus(Duration.ofHours(2))));
            first.accept(event("k1"));
            Duration lease = Duration.ofSeconds(1);
            InboxEvent held = first.claim(1, lease).get(0);
            OffsetDateTime leaseEnd = availableAt(db, held.id());

            InboxEvent takenOver = claimWhenDue(twoHoursAhead, lease);
            assertThat(takenOver.id()).isEqualTo(held.id());
            assertThat(availableAt(db, held.id()).minus(lease)).as("when the other instance claimed it, by the database")
                    .isAfterOrEqualTo(leaseEnd);
            assertThatThrownBy(() -> first.complete(held, Handled.noop("late"))).isInstanceOf(LostClaimException.class);
        }
    }

    @Test
    void a_retry_time_comes_by_the_databases_clock_whatever_an_instances_clock_says() {
        try (Database db = TestDatabases.open()) {
            Inbox first = new Inbox(db, Clock.systemUTC());
            Inbox twoHoursAhead = new Inbox(db, new SettableClock(Instant.now().plus(Duration.ofHours(2))));
            first.accept(event("k1"));
            InboxEvent failed = first.claim(1, Duration.ofSeconds(30)).get(0);
            first.fail(failed, "portal down", Duration.ofSeconds(1), false);
            OffsetDateTime retryAt = availableAt(db, failed.id());

            Duration lease = Duration.ofSeconds(30);
            InboxEvent retried = claimWhenDue(twoHoursAhead, lease);
            assertThat(retried.id()).isEqualTo(failed.id());
            assertThat(availableAt(db, failed.id()).minus(lease)).as("when the other instance claimed it, by the database")
                    .isAfterOrEqualTo(retryAt);
        }
    }

    private static InboxEvent claimWhenDue(Inbox inbox, Duration lease) {
        AtomicReference<InboxEvent> claimed = new AtomicReference<>();
        Await.until("the event claimed", Duration.ofSeconds(20), () -> {
            inbox.claim(1, lease).forEach(claimed::set);
            return claimed.get() != null;
        });
        return claimed.get();
    }

    private static OffsetDateTime availableAt(Database db, long id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT available_at FROM inbox WHERE id = :id")
                .bind("id", id).mapTo(OffsetDateTime.class).one());
    }

    @Test
    void completion_commits_the_dispatchers_writes_or_nothing() {
        try (Database db = TestDatabases.open()) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE side_effect (id BIGINT PRIMARY KEY)"));
            Inbox inbox = new Inbox(db, Clock.systemUTC());
            inbox.accept(event("k1"));
            InboxEvent claimed = inbox.claim(1, Duration.ofSeconds(30)).get(0);
            Handled failing = new Handled("boom", h -> {
                h.execute("INSERT INTO side_effect (id) VALUES (1)");
                throw new IllegalStateException("dispatcher write failed");
            });
            assertThatThrownBy(() -> inbox.complete(claimed, failing)).hasMessageContaining("dispatcher write failed");
            assertThat(count(db, "SELECT COUNT(*) FROM side_effect")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM inbox WHERE status = 'processing'")).isEqualTo(1);

            inbox.complete(claimed, new Handled("ok", h -> h.execute("INSERT INTO side_effect (id) VALUES (1)")));
            assertThat(count(db, "SELECT COUNT(*) FROM side_effect")).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM inbox WHERE status = 'done'")).isEqualTo(1);
        }
    }

    @Test
    void a_failed_event_waits_for_its_retry_time_and_can_be_parked_and_requeued() {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-22T10:00:00Z"));
        try (Database db = TestDatabases.open()) {
            Inbox inbox = new Inbox(db, clock);
            inbox.accept(event("k1"));
            InboxEvent claimed = inbox.claim(1, Duration.ofSeconds(30)).get(0);
            inbox.fail(claimed, "portal down", Duration.ofSeconds(10), false);
            assertThat(inbox.claim(1, Duration.ofSeconds(30))).isEmpty();
            // Ten seconds pass (by the database's clock).
            db.jdbi().useHandle(h -> h.execute("UPDATE inbox SET available_at = available_at - INTERVAL '10' SECOND"));
            InboxEvent again = inbox.claim(1, Duration.ofSeconds(30)).get(0);
            inbox.fail(again, "still down", Duration.ZERO, true);

            assertThat(inbox.deadCount()).isEqualTo(1);
            assertThat(inbox.deadLetters(10)).singleElement().satisfies(d -> {
                assertThat(d.lastError()).isEqualTo("still down");
                assertThat(d.attempts()).isEqualTo(2);
            });
            assertThat(inbox.claim(1, Duration.ofSeconds(30))).isEmpty();
            assertThat(inbox.retryDead(again.id())).isTrue();
            assertThat(inbox.retryDead(again.id())).isFalse();
            assertThat(inbox.claim(1, Duration.ofSeconds(30))).hasSize(1);
        }
    }

    @Test
    void a_claim_touches_only_the_rows_it_claims() throws Exception {
        try (Database db = TestDatabases.open()) {
            Inbox inbox = new Inbox(db, Clock.systemUTC());
            for (int i = 0; i < 50; i++) inbox.accept(event("k" + i));
            long last = count(db, "SELECT MAX(id) FROM inbox");
            ExecutorService claimer = Executors.newSingleThreadExecutor();
            // Another transaction holds a due row that the claim has no reason to take: the claim must not wait for it.
            try (Handle other = db.jdbi().open()) {
                other.begin();
                other.createUpdate("UPDATE inbox SET outcome = 'held' WHERE id = :id").bind("id", last).execute();
                Future<List<InboxEvent>> claim = claimer.submit(() -> inbox.claim(4, Duration.ofSeconds(30)));
                try {
                    assertThat(claim.get(10, TimeUnit.SECONDS)).hasSize(4).noneMatch(e -> e.id() == last);
                } finally {
                    other.rollback();
                }
            } finally {
                claimer.shutdownNow();
            }
            assertThat(count(db, "SELECT COUNT(*) FROM inbox WHERE status = 'processing'")).isEqualTo(4);
            assertThat(count(db, "SELECT COUNT(*) FROM inbox WHERE status = 'pending' AND claim_token IS NULL")).isEqualTo(46);
        }
    }

    @Test
    void workers_claiming_at_once_each_get_their_own_events_and_none_is_lost() throws Exception {
        try (Database db = TestDatabases.open()) {
            Inbox inbox = new Inbox(db, Clock.systemUTC());
            int events = 200;
            for (int i = 0; i < events; i++) inbox.accept(event("k" + i));
            int threads = 4;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<Long> mine = new ArrayList<>();
                    for (List<InboxEvent> batch = inbox.claim(3, Duration.ofMinutes(1)); !batch.isEmpty();
                         batch = inbox.claim(3, Duration.ofMinutes(1))) {
                        for (InboxEvent e : batch) {
                            inbox.complete(e, Handled.noop("ok"));
                            mine.add(e.id());
                        }
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> r : results) all.addAll(r.get(60, TimeUnit.SECONDS));
            pool.shutdownNow();
            assertThat(all).hasSize(events).doesNotHaveDuplicates();
            assertThat(inbox.depth()).isZero();
        }
    }

    private static long count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
