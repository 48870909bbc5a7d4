package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A workflow runs again on a ticket once its run finished; start tags are consumed; starts name their initiator. */
class WorkflowRunsTest {
    private static final String KIND = "ownership_verification";
    private static final String START = "supportbot_start_ownership_verification";
    private static final String AWAITING = "supportbot_ov_awaiting_subscription";
    private static final AtomicInteger DELIVERY = new AtomicInteger();

    private static void webhook(EngineFixture f, FakeZendesk.Ticket ticket, String actorEmail) {
        f.inbox.accept(new NewInboxEvent("zendesk", "runs-" + DELIVERY.incrementAndGet(), "ticket.updated", ticket.id, """
                {"ticket_id": "%d", "status": "%s", "tags": "%s", "requester_id": "%d", "actor_email": "%s"}"""
                .formatted(ticket.id, ticket.status, String.join(" ", List.copyOf(ticket.tags)), ticket.requesterId, actorEmail)));
        drained(f);
    }

    private static void drained(EngineFixture f) {
        Await.until("the inbox drained", Duration.ofSeconds(30), () -> f.pending() == 0);
    }

    private static void cancel(EngineFixture f, long ticket) throws Exception {
        Instance running = f.instances.running(ticket, KIND).orElseThrow();
        WorkflowEngine.Advance advance = f.engine.advance(running, new Event.AgentCommand(Command.CANCEL, "slack:U_AGENT"),
                Map.of(), running.commentCursor(), "slack:U_AGENT", List.of());
        f.db.jdbi().useTransaction(h -> advance.commit().apply(h));
        drained(f);
    }

    @Test
    void a_start_tag_is_removed_in_the_first_update_and_starts_a_new_run_once_the_last_one_finished() throws Exception {
        try (EngineFixture f = new EngineFixture()) {
            FakeZendesk.Ticket ticket = f.fake.ticket(95, "Ownership change", "Please make me the owner.",
                    f.fake.user("Ada", "ada@customer.example"), START);
            int writesBefore = (int) f.fake.arrivals().stream().filter(FakeZendesk.Arrival::isWrite).count();

            webhook(f, ticket, "Agent.Smith@vendor.example");

            Instance first = f.instances.running(95, KIND).orElseThrow();
            assertThat(first.initiator()).isEqualTo("email:agent.smith@vendor.example");
            assertThat(f.instances.initiator(first.id())).contains("email:agent.smith@vendor.example");
            assertThat(ticket.tags).contains(AWAITING).doesNotContain(START);
            // The removal rides in the update that asks for the subscription name: one write, not two.
            assertThat(f.fake.arrivals().stream().filter(FakeZendesk.Arrival::isWrite).count()).isEqualTo(writesBefore + 1);
            assertThat(f.fake.receivedBodies()).filteredOn(b -> b.contains("remove_tags")).singleElement()
                    .satisfies(b -> {
                        JsonNode update = Json.MAPPER.readTree(b).path("ticket");
                        assertThat(update.path("remove_tags").toString()).isEqualTo("[\"" + START + "\"]");
                        assertThat(update.path("additional_tags").toString()).isEqualTo("[\"" + AWAITING + "\"]");
                        assertThat(update.path("comment").path("body").asText()).contains("name of the subscription");
                    });

            // The tag again while the run goes on: removed, and no second run.
            ticket.tags.add(START);
            webhook(f, ticket, "someone@vendor.example");
            assertThat(ticket.tags).doesNotContain(START);
            assertThat(f.instances.forTicket(95)).singleElement().extracting(Instance::id).isEqualTo(first.id());

            OutcomeSource outcomes = new OutcomeSource(f.instances, f.engine.registry(), f.engine.json());
            assertThat(outcomes.answer(new FactRequest.OutcomeOf(95, KIND), Map.of()))
                    .isEqualTo(new Outcome(KIND, "awaiting the subscription name", false, Map.of()));
            cancel(f, 95);
            assertThat(f.instances.find(95, KIND).orElseThrow()).satisfies(i -> {
                assertThat(i.id()).isEqualTo(first.id());
                assertThat(i.finished()).isTrue();
            });
            assertThat(outcomes.answer(new FactRequest.OutcomeOf(95, KIND), Map.of()))
                    .isEqualTo(new Outcome(KIND, "cancelled", true, Map.of()));
            assertThat(outcomes.answer(new FactRequest.OutcomeOf(94, KIND), Map.of())).isNull();
            assertThat(outcomes.answer(new FactRequest.OutcomeOf(95, "no_such_kind"), Map.of())).isNull();

            ticket.tags.add(START);
            webhook(f, ticket, "other.agent@vendor.example");
            Instance second = f.instances.running(95, KIND).orElseThrow();
            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(second.initiator()).isEqualTo("email:other.agent@vendor.example");
            assertThat(f.instances.find(95, KIND)).contains(second);
            assertThat(f.instances.forTicket(95)).hasSize(2);
            assertThat(outcomes.answer(new FactRequest.OutcomeOf(95, KIND), Map.of()))
                    .isEqualTo(new Outcome(KIND, "awaiting the subscription name", false, Map.of()));
            assertThat(ticket.tags).as(f.outcomes()).doesNotContain(START);
        }
    }

    @Test
    void a_start_request_starts_a_run_for_its_initiator_unless_one_runs() {
        try (EngineFixture f = new EngineFixture()) {
            FakeZendesk.Ticket ticket = f.fake.ticket(96, "Ownership change", "Please make me the owner.",
                    f.fake.user("Bo", "bo@customer.example"));
            String request = f.engine.json().write(new StartRequest(96, KIND, "slack:U_AGENT"), StartRequest.class);

            f.inbox.accept(new NewInboxEvent(StartRequest.SOURCE, "start-1", KIND, 96L, request));
            drained(f);
            Instance run = f.instances.running(96, KIND).orElseThrow();
            assertThat(run.initiator()).isEqualTo("slack:U_AGENT");
            assertThat(run.version()).isEqualTo(1);
            assertThat(ticket.tags).as(f.outcomes()).contains(AWAITING);

            f.inbox.accept(new NewInboxEvent(StartRequest.SOURCE, "start-2", KIND, 96L, request));
            drained(f);
            assertThat(f.instances.forTicket(96)).singleElement().isEqualTo(f.instances.byId(run.id()).orElseThrow());
            assertThat(f.outcomes()).contains("already runs on ticket 96");
        }
    }

    @Test
    void a_start_workflow_effect_starts_the_kind_on_the_instances_ticket_for_supportbot() throws Exception {
        try (EngineFixture f = new EngineFixture()) {
            FakeZendesk.Ticket ticket = f.fake.ticket(97, "Ownership change", "Please make me the owner.",
                    f.fake.user("Cy", "cy@customer.example"), START);
            webhook(f, ticket, "agent@vendor.example");
            cancel(f, 97);
            long finished = f.instances.find(97, KIND).orElseThrow().id();

            f.db.jdbi().useTransaction(h -> f.engine.queue().effects(h, finished, 97, 99, List.of(new Effect.StartWorkflow(KIND))));
            drained(f);

            Instance started = f.instances.running(97, KIND).orElseThrow();
            assertThat(started.id()).isNotEqualTo(finished);
            assertThat(started.initiator()).isEqualTo("supportbot");
        }
    }

    @Test
    void only_one_run_of_a_kind_can_be_created_on_a_ticket() {
        try (EngineFixture f = new EngineFixture()) {
            Instance one = f.instances.create(98, KIND, "{\"@type\":\"Requested\"}", "slack:U1");
            Instance two = f.instances.create(98, KIND, "{\"@type\":\"Requested\"}", "slack:U2");
            assertThat(two).isEqualTo(one);
            assertThat(two.initiator()).isEqualTo("slack:U1");
        }
    }
}
