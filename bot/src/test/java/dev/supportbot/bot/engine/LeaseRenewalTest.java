package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.inbox.Dispatcher;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.inbox.InboxMetrics;
import dev.supportbot.bot.inbox.InboxWorkers;
import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.bot.outbound.Backoff;
import dev.supportbot.bot.outbound.Lease;
import dev.supportbot.bot.outbound.Sleeper;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.TestDatabases;
import dev.supportbot.bot.zendesk.ApiBudget;
import dev.supportbot.bot.zendesk.Zendesk;
import dev.supportbot.bot.zendesk.ZendeskMeter;
import dev.supportbot.workflows.engine.WorkflowRegistry;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * A worker keeps the event it holds while it waits longer than its lease: no second worker calls out for it; and a
 * worker whose lease is gone does not call out for the event after its wait.
 */
class LeaseRenewalTest {

    @Test
    void an_event_whose_rate_limit_wait_outlasts_the_lease_is_run_by_one_worker_only() {
        try (EngineFixture f = new EngineFixture(WorkflowRegistry.of(new OwnershipVerification()),
                Duration.ofSeconds(1))) {
            FakeZendesk.User ada = f.fake.user("Ada", "ada@customer.example");
            f.fake.ticket(91, "Hello", "Just a question.", ada);
            String ticketRead = "/api/v2/tickets/91.json";
            f.fake.rateLimitNext(r -> "GET".equals(r.getMethod().getValue()) && r.getPath().getValue().equals(ticketRead), 3);

            f.inbox.accept(new NewInboxEvent("zendesk", "lease-1", "ticket.updated", 91L, "{}"));
            Await.until("the event handled", Duration.ofSeconds(30), () -> f.pending() == 0);

            long reads = Arrays.stream(f.fake.recorded())
                    .filter(r -> "GET".equals(r.getMethod().getValue()) && r.getPath().getValue().equals(ticketRead)).count();
            assertThat(reads).as("the rate-limited read and its one retry, by the worker that held the event").isEqualTo(2);
            assertThat(f.outcomes()).contains("done").doesNotContain("pending");
        }
    }

    /**
     * The worker waits for Zendesk's budget (paused: exhausted); meanwhile its lease renewals stall (a lock on the row
     * holds them up), the lease runs out by the database's clock and another instance takes the event over. When the
     * budget frees up, the worker must not read the ticket: the event is no longer its own.
     */
    @Test
    void no_request_goes_out_after_a_budget_wait_for_an_event_whose_lease_ran_out_and_was_taken_over() throws Exception {
        Map<String, String> env = TestBots.env();
        try (FakeZendesk fake = new FakeZendesk(); Database db = TestDatabases.open()) {
            env.put("BOT_ZENDESK_URL", fake.url());
            env.put("BOT_ZENDESK_EMAIL", "bot@vendor.example");
            env.put("BOT_ZENDESK_TOKEN", "zd-token");
            BotConfig config = TestBots.config(env);
            fake.ticket(92, "Hello", "Just a question.", fake.user("Ada", "ada@customer.example"));
            CountDownLatch waitingForBudget = new CountDownLatch(1);
            CountDownLatch takenOver = new CountDownLatch(1);
            Sleeper budgetWaits = duration -> {
                waitingForBudget.countDown();
                takenOver.await();
                Sleeper.SYSTEM.sleep(duration);
            };
            ApiBudget budget = ApiBudget.fromConfig(config, db, Clock.systemUTC(), budgetWaits);
            AtomicReference<Exception> stoppedBy = new AtomicReference<>();
            CountDownLatch finished = new CountDownLatch(1);
            Inbox inbox = new Inbox(db, Clock.systemUTC());
            InboxWorkers.Settings settings = new InboxWorkers.Settings(1, 3, new Backoff(Duration.ofMillis(10), Duration.ofMillis(50)),
                    Duration.ofMillis(600), Duration.ofMillis(20));
            try (Zendesk zendesk = Zendesk.fromConfig(config, budget, Sleeper.SYSTEM, ZendeskMeter.NONE)) {
                Dispatcher readsTheTicket = event -> {
                    try {
                        zendesk.ticket(event.ticketId());
                        return Handled.noop("read the ticket");
                    } catch (RuntimeException e) {
                        stoppedBy.set(e);
                        throw e;
                    } finally {
                        finished.countDown();
                    }
                };
                budget.pause(Duration.ofSeconds(1));
                try (InboxWorkers workers = new InboxWorkers(inbox, readsTheTicket, settings, Clock.systemUTC(), InboxMetrics.NONE)) {
                    workers.start();
                    inbox.accept(new NewInboxEvent("zendesk", "lease-2", "ticket.updated", 92L, "{}"));
                    workers.wakeUp();
                    Await.until("the worker waits for the budget", Duration.ofSeconds(20), () -> waitingForBudget.getCount() == 0);
                    try (Handle other = db.jdbi().open()) {
                        other.begin();
                        other.execute("SELECT id FROM inbox WHERE ticket_id = 92 FOR UPDATE");
                        Await.until("the lease ran out by the database's clock", Duration.ofSeconds(20), () -> other.createQuery(
                                "SELECT available_at <= clock_timestamp() FROM inbox WHERE ticket_id = 92").mapTo(Boolean.class).one());
                        other.execute("""
                                UPDATE inbox SET claim_token = 'another-instance', attempts = attempts + 1,
                                                 available_at = clock_timestamp() + INTERVAL '1 minute'
                                WHERE ticket_id = 92""");
                        takenOver.countDown();
                        Await.until("the worker is done with the event", Duration.ofSeconds(20), () -> finished.getCount() == 0);
                        other.commit();
                    }
                }
            }
            assertThat(fake.arrivals()).as("requests that reached Zendesk")
                    .noneMatch(a -> a.path().equals("/api/v2/tickets/92.json"));
            assertThat(stoppedBy.get()).isInstanceOf(Lease.Lost.class);
        }
    }
}
