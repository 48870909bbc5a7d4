package dev.supportbot.bot.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.outbound.Sleeper;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two bot instances on one PostgreSQL share one Zendesk budget: together they never exceed it over any window, as
 * counted by Zendesk (the fake's arrival times). The window is 3 s instead of a minute so the test runs in seconds;
 * the mechanism is the one the service runs with a minute.
 */
class ApiBudgetClusterTest {
    static final Duration WINDOW = Duration.ofSeconds(3);
    static final int REQUESTS = 10;
    static final int UPDATES = 4;

    @Test
    void two_instances_on_one_postgresql_stay_together_under_the_shared_limits_over_any_window() throws Exception {
        String url = TestDatabases.freshUrl();
        try (FakeZendesk fake = new FakeZendesk();
                Database dbA = TestDatabases.reopen(url);
                Database dbB = TestDatabases.reopen(url)) {
            FakeZendesk.User ada = fake.user("Ada", "ada@customer.example");
            fake.ticket(7, "Question", "Hello", ada);
            ZendeskAccount account = new ZendeskAccount(fake.url(), "bot@vendor.example", "zd-token");
            List<Zendesk> instances = List.of(
                    new ZendeskAdapter(account, new ApiBudget(dbA, REQUESTS, UPDATES, WINDOW, Clock.systemUTC(), Sleeper.SYSTEM), Sleeper.SYSTEM, ZendeskMeter.NONE),
                    new ZendeskAdapter(account, new ApiBudget(dbB, REQUESTS, UPDATES, WINDOW, Clock.systemUTC(), Sleeper.SYSTEM), Sleeper.SYSTEM, ZendeskMeter.NONE));
            ExecutorService threads = Executors.newFixedThreadPool(6);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    Zendesk zendesk = instances.get(i % 2);
                    int n = i;
                    work.add(threads.submit(() -> {
                        if (n % 4 == 0) zendesk.addTags(7, List.of("t" + n));
                        else zendesk.ticket(7);
                    }));
                }
                for (Future<?> f : work) f.get(60, TimeUnit.SECONDS);
            } finally {
                threads.shutdownNow();
                instances.forEach(Zendesk::close);
            }

            List<FakeZendesk.Arrival> arrivals = fake.arrivals();
            assertThat(arrivals).hasSize(24);
            assertThat(mostInAnyWindow(arrivals)).isLessThanOrEqualTo(REQUESTS);
            assertThat(mostInAnyWindow(arrivals.stream().filter(FakeZendesk.Arrival::isWrite).toList())).isLessThanOrEqualTo(UPDATES);
            // Not merely serialised: the budget was spent, then waited for.
            assertThat(Duration.between(arrivals.get(0).at(), arrivals.get(arrivals.size() - 1).at())).isGreaterThanOrEqualTo(WINDOW);
            assertThat(fake.ticket(7).tags).hasSize(6);
        }
    }

    @Test
    void a_429_answered_to_one_instance_holds_the_other_for_its_retry_after() throws Exception {
        String url = TestDatabases.freshUrl();
        try (FakeZendesk fake = new FakeZendesk();
                Database dbA = TestDatabases.reopen(url);
                Database dbB = TestDatabases.reopen(url)) {
            fake.ticket(7, "Question", "Hello", fake.user("Ada", "ada@customer.example"));
            ZendeskAccount account = new ZendeskAccount(fake.url(), "bot@vendor.example", "zd-token");
            Zendesk a = new ZendeskAdapter(account, new ApiBudget(dbA, 1000, 100, Duration.ofMinutes(1), Clock.systemUTC(), Sleeper.SYSTEM),
                    Sleeper.SYSTEM, ZendeskMeter.NONE);
            Zendesk b = new ZendeskAdapter(account, new ApiBudget(dbB, 1000, 100, Duration.ofMinutes(1), Clock.systemUTC(), Sleeper.SYSTEM),
                    Sleeper.SYSTEM, ZendeskMeter.NONE);
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                fake.rateLimitNext(r -> r.getPath().getValue().equals("/api/v2/tickets/7.json"), 2);
                Future<ZendeskTicket> first = thread.submit(() -> a.ticket(7));
                // Once the 429 has reached instance A (and so the shared budget), instance B asks.
                dev.supportbot.bot.testing.Await.until("the pause", Duration.ofSeconds(20), () -> dbB.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM zendesk_budget WHERE paused_until IS NOT NULL").mapTo(Integer.class).one()) > 0);

                b.ticket(7);
                assertThat(first.get(30, TimeUnit.SECONDS).id()).isEqualTo(7);
            } finally {
                thread.shutdownNow();
                a.close();
                b.close();
            }
            List<FakeZendesk.Arrival> arrivals = fake.arrivals();
            assertThat(arrivals).extracting(FakeZendesk.Arrival::status).containsExactly(429, 200, 200);
            // Neither instance asked again before the two seconds Zendesk asked for were over.
            assertThat(Duration.between(arrivals.get(0).at(), arrivals.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        }
    }

    private static int mostInAnyWindow(List<FakeZendesk.Arrival> arrivals) {
        int most = 0;
        for (FakeZendesk.Arrival start : arrivals) {
            int in = (int) arrivals.stream().filter(a -> !a.at().isBefore(start.at()) && a.at().isBefore(start.at().plus(WINDOW))).count();
            most = Math.max(most, in);
        }
        return most;
    }
}
