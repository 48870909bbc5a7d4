package dev.supportbot.bot.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.outbound.Backoff;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InboxWorkersTest {
    private static final InboxWorkers.Settings FAST = new InboxWorkers.Settings(
            2, 3, new Backoff(Duration.ofMillis(10), Duration.ofMillis(50)), Duration.ofSeconds(30), Duration.ofMillis(20));

    private static String status(Database db, long ticket) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT status FROM inbox WHERE ticket_id = :t")
                .bind("t", ticket).mapTo(String.class).one());
    }

    @Test
    void an_event_that_must_wait_is_tried_again_without_using_up_its_attempts() {
        try (Database db = TestDatabases.open()) {
            Inbox inbox = new Inbox(db, Clock.systemUTC());
            AtomicInteger calls = new AtomicInteger();
            int waits = FAST.maxAttempts() * 2;
            Dispatcher early = event -> {
                if (calls.incrementAndGet() <= waits) throw new RetryLater("what it refers to is not stored yet", Duration.ofMillis(5));
                return Handled.noop("found it");
            };
            try (InboxWorkers workers = new InboxWorkers(inbox, early, FAST, Clock.systemUTC(), InboxMetrics.NONE)) {
                workers.start();
                inbox.accept(new NewInboxEvent("zendesk", "k", "ticket.updated", 8L, "{}"));
                workers.wakeUp();
                Await.until("event done", Duration.ofSeconds(20), () -> "done".equals(status(db, 8)));
            }
            assertThat(calls.get()).isEqualTo(waits + 1);
            assertThat(inbox.deadCount()).isZero();
        }
    }

    @Test
    void waits_do_not_use_up_the_attempts_a_later_failure_is_given() {
        try (Database db = TestDatabases.open()) {
            Inbox inbox = new Inbox(db, Clock.systemUTC());
            AtomicInteger calls = new AtomicInteger();
            int waits = FAST.maxAttempts() * 2;
            Dispatcher early = event -> {
                int call = calls.incrementAndGet();
                if (call <= waits) throw new RetryLater("what it refers to is not stored yet", Duration.ofMillis(5));
                if (call == waits + 1) throw new IllegalStateException("portal unavailable");
                return Handled.noop("found it");
            };
            try (InboxWorkers workers = new InboxWorkers(inbox, early, FAST, Clock.systemUTC(), InboxMetrics.NONE)) {
                workers.start();
                inbox.accept(new NewInboxEvent("zendesk", "k", "ticket.updated", 9L, "{}"));
                workers.wakeUp();
                Await.until("event done or dead", Duration.ofSeconds(20), 
                        () -> List.of("done", "dead").contains(status(db, 9)));
            }
            assertThat(status(db, 9)).isEqualTo("done");
            assertThat(calls.get()).isEqualTo(waits + 2);
            int attempts = db.jdbi().withHandle(h -> h.createQuery("SELECT attempts FROM inbox WHERE ticket_id = 9").mapTo(Integer.class).one());
            assertThat(attempts).as("the failure and the success count, the waits do not").isEqualTo(2);
        }
    }

    @Test
    void no_call_goes_out_after_a_wait_for_an_event_whose_lease_was_taken_over() {
        try (Database db = TestDatabases.open()) {
            Inbox inbox = new Inbox(db, Clock.systemUTC());
            InboxWorkers.Settings shortLease = new InboxWorkers.Settings(1, 3, FAST.backoff(), Duration.ofMillis(300), FAST.pollInterval());
            java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch takenOver = new java.util.concurrent.CountDownLatch(1);
            AtomicInteger callsOut = new AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicReference<String> firstClaim = new java.util.concurrent.atomic.AtomicReference<>();
            Dispatcher waitsThenCalls = event -> {
                // Only the first claim is the one taken over; a later claim of the row (its new lease) may call out.
                if (!firstClaim.compareAndSet(null, event.claimToken())) return Handled.noop("a later claim");
                try {
                    waiting.countDown();
                    takenOver.await();
                    dev.supportbot.bot.outbound.Sleeper.SYSTEM.sleep(Duration.ofMillis(600)); // e.g. a Retry-After
                    callsOut.incrementAndGet();
                    return Handled.noop("called out");
                } finally {
                    finished.set(true);
                }
            };
            try (InboxWorkers workers = new InboxWorkers(inbox, waitsThenCalls, shortLease, Clock.systemUTC(), InboxMetrics.NONE)) {
                workers.start();
                inbox.accept(new NewInboxEvent("zendesk", "k", "ticket.updated", 10L, "{}"));
                workers.wakeUp();
                Await.until("the worker waits", Duration.ofSeconds(20), () -> waiting.getCount() == 0);
                // Another instance took the event over (its lease had run out while this one was stalled).
                db.jdbi().useHandle(h -> h.execute("UPDATE inbox SET claim_token = 'another-worker' WHERE ticket_id = 10"));
                takenOver.countDown();
                Await.until("the worker gave up", Duration.ofSeconds(20), finished::get);
            }
            assertThat(callsOut.get()).isZero();
        }
    }

    @Test
    void a_worker_holds_only_the_event_it_runs() {
        try (Database db = TestDatabases.open()) {
            Inbox inbox = new Inbox(db, Clock.systemUTC());
            Set<Long> running = ConcurrentHashMap.newKeySet();
            CountDownLatch finish = new CountDownLatch(1);
            try (InboxWorkers workers = new InboxWorkers(inbox, holding(running, finish), FAST, Clock.systemUTC(), InboxMetrics.NONE)) {
                acceptEight(inbox);
                workers.start();
                try {
                    Await.until("both workers run an event", Duration.ofSeconds(20), () -> running.size() == FAST.threads());
                    assertThat(ids(db, "processing")).as("held by a worker").containsExactlyInAnyOrderElementsOf(running);
                    assertThat(ids(db, "pending")).as("free for any worker, of this instance or another").hasSize(8 - FAST.threads());
                } finally {
                    finish.countDown();
                }
                Await.until("all done", Duration.ofSeconds(20), () -> inbox.depth() == 0);
            }
        }
    }

    @Test
    void closing_lets_the_events_in_hand_finish_and_leaves_the_others_free() throws Exception {
        try (Database db = TestDatabases.open()) {
            Inbox inbox = new Inbox(db, Clock.systemUTC());
            Set<Long> running = ConcurrentHashMap.newKeySet();
            CountDownLatch finish = new CountDownLatch(1);
            InboxWorkers workers = new InboxWorkers(inbox, holding(running, finish), FAST, Clock.systemUTC(), InboxMetrics.NONE);
            acceptEight(inbox);
            workers.start();
            Await.until("both workers run an event", Duration.ofSeconds(20), () -> running.size() == FAST.threads());
            ExecutorService closer = Executors.newSingleThreadExecutor();
            try {
                Future<?> closing = closer.submit(() -> workers.close(Duration.ofSeconds(20)));
                // Only once the stop has begun may the running events end: else a worker could claim the next one.
                Await.until("the stop to begin", Duration.ofSeconds(20), () -> !workers.claiming());
                finish.countDown();
                closing.get(30, TimeUnit.SECONDS);
            } finally {
                closer.shutdownNow();
            }
            assertThat(ids(db, "done")).containsExactlyInAnyOrderElementsOf(running);
            assertThat(ids(db, "pending")).hasSize(8 - FAST.threads());
            long counted = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM inbox WHERE status = 'pending' AND (attempts <> 0 OR claim_token IS NOT NULL)")
                    .mapTo(Long.class).one());
            assertThat(counted).as("events not run keep their attempts and are nobody's").isZero();
        }
    }

    /** Runs each event until {@code finish}, adding its id to {@code started} first. */
    private static Dispatcher holding(Set<Long> started, CountDownLatch finish) {
        return event -> {
            started.add(event.id());
            finish.await();
            return Handled.noop("done slowly");
        };
    }

    /** Eight events, one per ticket: more than the workers can hold at once. */
    private static void acceptEight(Inbox inbox) {
        for (long ticket = 1; ticket <= 8; ticket++) {
            inbox.accept(new NewInboxEvent("zendesk", "k" + ticket, "ticket.updated", ticket, "{}"));
        }
    }

    private static List<Long> ids(Database db, String status) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM inbox WHERE status = :s")
                .bind("s", status).mapTo(Long.class).list());
    }

    @Test
    void a_failing_event_is_retried_until_it_succeeds() {
        try (Database db = TestDatabases.open()) {
            Inbox inbox = new Inbox(db, Clock.systemUTC());
            AtomicInteger calls = new AtomicInteger();
            Dispatcher flaky = event -> {
                if (calls.incrementAndGet() < 3) throw new IllegalStateException("portal unavailable");
                return Handled.noop("ok after retries");
            };
            try (InboxWorkers workers = new InboxWorkers(inbox, flaky, FAST, Clock.systemUTC(), InboxMetrics.NONE)) {
                workers.start();
                inbox.accept(new NewInboxEvent("zendesk", "k", "ticket.updated", 7L, "{}"));
                workers.wakeUp();
                Await.until("event done", Duration.ofSeconds(10), () -> "done".equals(status(db, 7)));
            }
            assertThat(calls.get()).isEqualTo(3);
            assertThat(inbox.deadCount()).isZero();
        }
    }

    @Test
    void an_event_that_keeps_failing_is_parked_as_a_dead_letter_and_others_go_on() {
        try (Database db = TestDatabases.open()) {
            Inbox inbox = new Inbox(db, Clock.systemUTC());
            AtomicInteger poisonCalls = new AtomicInteger();
            Dispatcher dispatcher = event -> {
                if (event.ticketId() == 666L) {
                    poisonCalls.incrementAndGet();
                    throw new IllegalArgumentException("cannot parse ticket");
                }
                return Handled.noop("ok");
            };
            AtomicInteger dead = new AtomicInteger();
            InboxMetrics metrics = new InboxMetrics() {
                @Override
                public void processed(InboxEvent event, Duration handling, java.time.Instant now) {}

                @Override
                public void deadLettered(InboxEvent event) {
                    dead.incrementAndGet();
                }
            };
            try (InboxWorkers workers = new InboxWorkers(inbox, dispatcher, FAST, Clock.systemUTC(), metrics)) {
                workers.start();
                inbox.accept(new NewInboxEvent("zendesk", "poison", "ticket.updated", 666L, "{}"));
                inbox.accept(new NewInboxEvent("zendesk", "fine", "ticket.updated", 1L, "{}"));
                workers.wakeUp();
                Await.until("poison parked", Duration.ofSeconds(10), () -> "dead".equals(status(db, 666)));
                Await.until("other event done", Duration.ofSeconds(10), () -> "done".equals(status(db, 1)));
            }
            assertThat(poisonCalls.get()).isEqualTo(FAST.maxAttempts());
            assertThat(dead.get()).isEqualTo(1);
            assertThat(inbox.deadLetters(10)).singleElement()
                    .satisfies(d -> assertThat(d.lastError()).isEqualTo("IllegalArgumentException: cannot parse ticket"));
        }
    }

    @Test
    void two_worker_pools_on_one_database_process_each_event_exactly_once() {
        String url = TestDatabases.freshUrl();
        int events = 300;
        Map<Long, AtomicInteger> handledBy = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> perPool = new ConcurrentHashMap<>();
        try (Database first = TestDatabases.reopen(url); Database second = TestDatabases.reopen(url)) {
            Inbox producer = new Inbox(first, Clock.systemUTC());
            InboxWorkers a = pool(first, "a", handledBy, perPool);
            InboxWorkers b = pool(second, "b", handledBy, perPool);
            a.start();
            b.start();
            for (int i = 1; i <= events; i++) producer.accept(new NewInboxEvent("zendesk", "k" + i, "ticket.updated", (long) i, "{}"));
            Await.until("all events processed", Duration.ofSeconds(60), () -> handledBy.size() == events && producer.depth() == 0);
            a.close();
            b.close();
            long rows = first.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM processed").mapTo(Long.class).one());
            assertThat(rows).isEqualTo(events);
        }
        assertThat(handledBy.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        // Both instances did real work: SKIP LOCKED shares the queue rather than serialising it.
        assertThat(perPool.keySet()).containsExactlyInAnyOrder("a", "b");
    }

    private static InboxWorkers pool(Database db, String name, Map<Long, AtomicInteger> handledBy, Map<String, AtomicInteger> perPool) {
        db.jdbi().useHandle(h -> h.execute("CREATE TABLE IF NOT EXISTS processed (event_id BIGINT PRIMARY KEY, pool VARCHAR(8))"));
        Dispatcher dispatcher = event -> {
            handledBy.computeIfAbsent(event.id(), k -> new AtomicInteger()).incrementAndGet();
            perPool.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
            return new Handled("by " + name, h -> h.createUpdate("INSERT INTO processed (event_id, pool) VALUES (:id, :pool)")
                    .bind("id", event.id()).bind("pool", name).execute());
        };
        return new InboxWorkers(new Inbox(db, Clock.systemUTC()), dispatcher, FAST, Clock.systemUTC(), InboxMetrics.NONE);
    }
}
