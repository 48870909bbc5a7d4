package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.workflows.engine.Dates;
import dev.supportbot.bot.testing.Licenses;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What each kind of ticket event costs in Zendesk requests, counted where Zendesk would count them: at the far side. */
class ZendeskApiCostTest {
    private static final AtomicInteger DELIVERY = new AtomicInteger();

    /** A webhook as the trigger sends it: with the ticket's status, tags and requester. */
    private static void webhook(EngineFixture f, FakeZendesk.Ticket ticket) {
        webhook(f, ticket, "d" + DELIVERY.incrementAndGet());
    }

    private static void webhook(EngineFixture f, FakeZendesk.Ticket ticket, String delivery) {
        String tags = String.join(" ", List.copyOf(ticket.tags));
        f.inbox.accept(new NewInboxEvent("zendesk", delivery, "ticket.updated", ticket.id, """
                {"ticket_id": "%d", "event": "ticket.updated", "status": "%s", "tags": "%s", "requester_id": "%d"}"""
                .formatted(ticket.id, ticket.status, tags, ticket.requesterId)));
    }

    /** The requests Zendesk received while {@code action} ran and the inbox drained. */
    private static List<FakeZendesk.Arrival> during(EngineFixture f, Runnable action) {
        int before = f.fake.arrivals().size();
        action.run();
        Await.until("the inbox drained", Duration.ofSeconds(30), () -> f.pending() == 0);
        List<FakeZendesk.Arrival> all = f.fake.arrivals();
        return all.subList(before, all.size());
    }

    private static long reads(List<FakeZendesk.Arrival> arrivals) {
        return arrivals.stream().filter(a -> !a.isWrite()).count();
    }

    private static List<FakeZendesk.Arrival> writes(List<FakeZendesk.Arrival> arrivals) {
        return arrivals.stream().filter(FakeZendesk.Arrival::isWrite).toList();
    }

    @Test
    void an_update_of_a_ticket_no_workflow_cares_about_costs_one_read_with_or_without_a_new_comment() {
        try (EngineFixture f = new EngineFixture()) {
            FakeZendesk.User ada = f.fake.user("Ada", "ada@customer.example");
            FakeZendesk.Ticket ticket = f.fake.ticket(301, "Renewal", "When does our subscription renew?", ada, "vip");

            List<FakeZendesk.Arrival> first = during(f, () -> webhook(f, ticket));
            List<FakeZendesk.Arrival> nothingNew = during(f, () -> webhook(f, ticket));
            List<FakeZendesk.Arrival> newComment = during(f, () -> {
                f.fake.reply(301, ada, "Any news?");
                webhook(f, ticket);
            });

            assertThat(List.of(first, nothingNew, newComment)).allSatisfy(event -> {
                assertThat(event).singleElement().satisfies(a -> assertThat(a.path()).isEqualTo("/api/v2/tickets/301/comments.json"));
                assertThat(writes(event)).isEmpty();
            });
        }
    }

    @Test
    void comments_arriving_between_webhooks_delivered_out_of_order_are_each_scanned_once() {
        try (EngineFixture f = new EngineFixture()) {
            FakeZendesk.User ada = f.fake.user("Ada", "ada@customer.example");
            FakeZendesk.Ticket ticket = f.fake.ticket(302, "Activation", "It fails.", ada);
            during(f, () -> webhook(f, ticket));
            String firstCode = Licenses.activationCode();
            String secondCode = Licenses.activationCode();
            FakeZendesk.Comment first = f.fake.reply(302, ada, "Code " + firstCode);
            FakeZendesk.Comment second = f.fake.reply(302, ada, "Or " + secondCode);

            // The webhook of the later update is handled first; it sees both comments.
            List<FakeZendesk.Arrival> later = during(f, () -> webhook(f, ticket, "later"));
            List<FakeZendesk.Arrival> earlier = during(f, () -> webhook(f, ticket, "earlier"));

            assertThat(ticket.comments).extracting(FakeZendesk.Comment::body).noneMatch(b -> b.contains(firstCode) || b.contains(secondCode));
            assertThat(ticket.privateNotes()).singleElement().satisfies(n -> assertThat(n.body())
                    .contains("from the requester's reply of " + Dates.utcMinute(FakeZendesk.createdAt(first)))
                    .contains("from the requester's reply of " + Dates.utcMinute(FakeZendesk.createdAt(second))));
            // One read for the new comments, one per redacted comment (its HTML, re-read to redact only what is there).
            assertThat(reads(later)).isEqualTo(3);
            assertThat(earlier).singleElement().satisfies(a -> assertThat(a.isWrite()).isFalse());
        }
    }

    @Test
    void a_workflow_start_reads_the_ticket_and_its_comments_and_writes_its_comment_and_tags_in_one_update() {
        try (EngineFixture f = new EngineFixture()) {
            FakeZendesk.User ada = f.fake.user("Ada", "ada@customer.example");
            FakeZendesk.Ticket ticket = f.fake.ticket(303, "Ownership", "Please make me the owner.", ada,
                    new OwnershipVerification().startTag());

            List<FakeZendesk.Arrival> start = during(f, () -> webhook(f, ticket));

            assertThat(start.stream().filter(a -> !a.isWrite()).map(FakeZendesk.Arrival::path))
                    .containsExactlyInAnyOrder("/api/v2/tickets/303.json", "/api/v2/tickets/303/comments.json");
            assertThat(writes(start)).singleElement().satisfies(a -> assertThat(a.path()).isEqualTo("/api/v2/tickets/303.json"));
            assertThat(ticket.publicCommentsBy(FakeZendesk.BOT_USER)).hasSize(1);
            assertThat(ticket.tags).contains("supportbot_ov_awaiting_subscription");
        }
    }

    @Test
    void a_decisions_ticket_writes_go_out_as_one_update_a_comment_each_in_order() throws Exception {
        try (EngineFixture f = new EngineFixture()) {
            FakeZendesk.User ada = f.fake.user("Ada", "ada@customer.example");
            FakeZendesk.Ticket ticket = f.fake.ticket(304, "Question", "Hello", ada, "old_tag");

            List<FakeZendesk.Arrival> arrivals = during(f, () -> f.db.jdbi().useTransaction(h -> f.engine.queue().effects(h, null, 304, 1,
                    List.of(new Effect.PublicComment("All done."), new Effect.AddTags(Set.of("done")),
                            new Effect.SetTicketStatus("solved"), new Effect.PrivateNote("Closed by the bot."),
                            new Effect.RemoveTags(Set.of("old_tag"))))));

            assertThat(writes(arrivals)).hasSize(2);
            List<String> bodies = f.fake.receivedBodies();
            JsonNode first = Json.MAPPER.readTree(bodies.get(bodies.size() - 2)).path("ticket");
            JsonNode second = Json.MAPPER.readTree(bodies.get(bodies.size() - 1)).path("ticket");
            assertThat(first.path("comment").path("body").asText()).isEqualTo("All done.");
            assertThat(first.path("comment").path("public").asBoolean()).isTrue();
            assertThat(first.path("additional_tags").toString()).isEqualTo("[\"done\"]");
            assertThat(first.path("status").asText()).isEqualTo("solved");
            assertThat(first.has("remove_tags")).isFalse();
            assertThat(second.path("comment").path("body").asText()).isEqualTo("Closed by the bot.");
            assertThat(second.path("comment").path("public").asBoolean()).isFalse();
            assertThat(second.path("remove_tags").toString()).isEqualTo("[\"old_tag\"]");
            assertThat(ticket.tags).containsExactly("done");
            assertThat(ticket.status).isEqualTo("solved");
            assertThat(ticket.comments).extracting(FakeZendesk.Comment::body).containsSubsequence("All done.", "Closed by the bot.");
        }
    }

    @Test
    void a_429_with_retry_after_is_waited_out_and_the_update_lands_once() {
        try (EngineFixture f = new EngineFixture()) {
            FakeZendesk.User ada = f.fake.user("Ada", "ada@customer.example");
            FakeZendesk.Ticket ticket = f.fake.ticket(305, "Question", "Hello", ada);
            f.fake.rateLimitNext(r -> r.getMethod().getValue().equals("PUT") && r.getPath().getValue().equals("/api/v2/tickets/305.json"), 1);

            List<FakeZendesk.Arrival> arrivals = during(f, () -> f.db.jdbi().useTransaction(h -> f.engine.queue().effects(h, null, 305, 1,
                    List.of(new Effect.PublicComment("We are on it."), new Effect.AddTags(Set.of("seen"))))));

            assertThat(writes(arrivals)).extracting(FakeZendesk.Arrival::status).containsExactly(429, 200);
            assertThat(Duration.between(writes(arrivals).get(0).at(), writes(arrivals).get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(ticket.publicCommentsBy(FakeZendesk.BOT_USER)).extracting(FakeZendesk.Comment::body).containsExactly("We are on it.");
            assertThat(ticket.tags).containsExactly("seen");
        }
    }
}
