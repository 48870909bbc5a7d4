package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.bot.testing.Await;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A ticket Zendesk answers 404 for (deleted as spam, merged, not visible) is an outcome, not a failure to retry. */
class TicketGoneTest {

    @Test
    void a_webhook_for_a_ticket_zendesk_does_not_have_is_done_at_once_after_one_read() {
        try (EngineFixture f = new EngineFixture()) {
            // Without ticket fields in the body the bot reads the ticket; with them, only its comments.
            f.inbox.accept(new NewInboxEvent("zendesk", "gone-1", "ticket.updated", 404L, "{}"));
            f.inbox.accept(new NewInboxEvent("zendesk", "gone-2", "ticket.updated", 405L,
                    "{\"ticket_id\":405,\"requester_id\":7,\"tags\":\"\",\"status\":\"open\"}"));
            Await.until("both events handled", Duration.ofSeconds(20), () -> f.pending() == 0);

            assertThat(f.outcomes()).isEqualTo("""
                    zendesk ticket.updated: done ticket gone: nothing to do
                    zendesk ticket.updated: done ticket gone: nothing to do""");
            assertThat(Arrays.stream(f.fake.recorded()).filter(r -> r.getPath().getValue().contains("/tickets/404"))).hasSize(1);
            assertThat(Arrays.stream(f.fake.recorded()).filter(r -> r.getPath().getValue().contains("/tickets/405"))).hasSize(1);
        }
    }
}
