package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.workflows.engine.WorkflowRegistry;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A worker keeps the event it holds while it waits longer than its lease: no second worker calls out for it. */
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
}
