package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.workflows.engine.Effect;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class EffectChainTest {

    @Test
    void effects_run_once_each_in_order_even_when_zendesks_answer_is_lost() {
        try (EngineFixture f = new EngineFixture()) {
            FakeZendesk.User requester = f.fake.user("Ada", "ada@customer.example");
            FakeZendesk.Ticket ticket = f.fake.ticket(77, "Question", "Hello", requester);
            // The comment reaches Zendesk but its answer is lost: the bot must not post it a second time.
            f.fake.loseNextResponse(r -> r.getPath().getValue().equals("/api/v2/tickets/77.json") && "PUT".equals(r.getMethod().getValue()));

            f.db.jdbi().useTransaction(h -> f.engine.queue().effects(h, null, 77, 1, List.of(
                    new Effect.PublicComment("We need one proof of ownership."),
                    new Effect.AddTags(Set.of("supportbot_ov_awaiting_proof")),
                    new Effect.PrivateNote("Asked for proof."))));

            Await.until("the chain to finish", Duration.ofSeconds(20), () -> f.pending() == 0);
            assertThat(f.fake.lostResponses()).isEqualTo(1);
            assertThat(ticket.publicCommentsBy(FakeZendesk.BOT_USER)).extracting(FakeZendesk.Comment::body)
                    .containsExactly("We need one proof of ownership.");
            assertThat(ticket.privateNotes()).extracting(FakeZendesk.Comment::body).containsExactly("Asked for proof.");
            assertThat(ticket.tags).contains("supportbot_ov_awaiting_proof");
            // In order: the note (third) comes after the public comment (first).
            assertThat(ticket.comments).extracting(FakeZendesk.Comment::body)
                    .containsSubsequence("We need one proof of ownership.", "Asked for proof.");
        }
    }

    @Test
    void an_effect_that_keeps_failing_is_parked_and_holds_up_the_rest_of_its_list() {
        try (EngineFixture f = new EngineFixture()) {
            // No ticket 78 in Zendesk: adding a comment to it fails every time.
            f.db.jdbi().useTransaction(h -> f.engine.queue().effects(h, null, 78, 1, List.of(
                    new Effect.PrivateNote("first"), new Effect.PrivateNote("second"))));
            Await.until("the first effect to be parked", Duration.ofSeconds(20), () -> f.inbox.deadCount() == 1);
            assertThat(f.inbox.deadLetters(10)).singleElement()
                    .satisfies(d -> assertThat(d.lastError()).contains("ticket 78"));
            assertThat(f.outcomes()).doesNotContain("effect PrivateNote: done");
        }
    }

    @Test
    void a_garbled_answer_to_a_new_ticket_is_a_bad_response_in_the_log_and_the_retry_opens_no_second_ticket() {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.supportbot");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try (EngineFixture f = new EngineFixture()) {
            f.fake.withoutIdempotency();
            f.fake.garbleNextResponse(r -> r.getPath().getValue().equals("/api/v2/tickets.json") && "POST".equals(r.getMethod().getValue()));

            f.db.jdbi().useTransaction(h -> f.engine.queue().effects(h, null, 79, 1, List.of(new Effect.OpenSeparateTicket(
                    "approval", "Pat", "pat@acme.example", "Approval requested", "Do you approve?"))));

            Await.until("the new ticket", Duration.ofSeconds(20), () -> f.pending() == 0);
            assertThat(f.fake.tickets()).filteredOn(t -> t.tags.contains(SeparateTicketHandler.LINKED_TICKET_TAG)).singleElement()
                    .satisfies(t -> assertThat(t.externalId).isEqualTo("effect:ticket-79:1:0"));
            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line -> assertThat(line).endsWith(
                            "will retry: OutboundException: Zendesk: create a ticket: bad response (not JSON)"))
                    .noneMatch(line -> line.contains("unreachable"));
        } finally {
            logger.detachAppender(log);
        }
    }
}
