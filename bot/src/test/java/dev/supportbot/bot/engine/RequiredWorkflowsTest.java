package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.Workflow;
import dev.supportbot.workflows.engine.WorkflowRegistry;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When an instance finishes, the instances on its ticket that require its kind hear its outcome, once. */
class RequiredWorkflowsTest {

    sealed interface Waiting permits Waiting.ForIt, Waiting.Told {
        @JsonTypeName("ForIt")
        record ForIt() implements Waiting {}

        @JsonTypeName("Told")
        record Told(Outcome outcome) implements Waiting {}
    }

    /** Records the first WorkflowFinished it is sent; requires {@code required} kinds. */
    private record Listener(String kind, List<String> requires) implements Workflow<Waiting> {
        public String startTag() { return "start_" + kind; }
        public Outcome outcome(Waiting state) { return new Outcome(kind, "waiting", false, Map.of()); }
        public Class<Waiting> stateType() { return Waiting.class; }
        public Waiting initialState() { return new Waiting.ForIt(); }
        public List<FactRequest<?>> factsNeeded(Waiting state, Event event) { return List.of(); }
        public boolean finished(Waiting state) { return false; }

        public Decision<Waiting> decide(Waiting state, Event event, Facts facts, Context ctx) {
            return event instanceof Event.WorkflowFinished f && state instanceof Waiting.ForIt
                    ? Decision.of(new Waiting.Told(f.outcome())) : Decision.unchanged(state);
        }
    }

    @Test
    void a_finished_instance_tells_its_outcome_to_the_running_instances_that_require_its_kind() throws Exception {
        WorkflowRegistry registry = WorkflowRegistry.of(new OwnershipVerification(),
                new Listener("dependent", List.of(OwnershipVerification.KIND)), new Listener("bystander", List.of()));
        try (EngineFixture f = new EngineFixture(registry)) {
            f.fake.ticket(120, "Ownership", "Make me the owner", f.fake.user("Ada", "ada@customer.example"),
                    "supportbot_start_ownership_verification");
            f.inbox.accept(new NewInboxEvent("zendesk", "required-120", "ticket.updated", 120L, "{}"));
            Await.until("verification to ask for the subscription", Duration.ofSeconds(30), () -> f.pending() == 0);
            Instance ownership = f.instances.running(120, OwnershipVerification.KIND).orElseThrow();
            Instance dependent = f.instances.create(120, "dependent", "{\"@type\":\"ForIt\"}", "supportbot");
            Instance bystander = f.instances.create(120, "bystander", "{\"@type\":\"ForIt\"}", "supportbot");
            Instance elsewhere = f.instances.create(121, "dependent", "{\"@type\":\"ForIt\"}", "supportbot");

            WorkflowEngine.Advance cancel = f.engine.advance(ownership, new Event.AgentCommand(Command.CANCEL, "slack:U1"),
                    Map.of(), ownership.commentCursor(), "slack:U1", List.of());
            f.db.jdbi().useTransaction(h -> cancel.commit().apply(h));
            Await.until("the inbox drained", Duration.ofSeconds(30), () -> f.pending() == 0);

            Outcome cancelled = new Outcome(OwnershipVerification.KIND, "cancelled", true, Map.of());
            assertThat(f.engine.json().read(f.instances.byId(dependent.id()).orElseThrow().stateJson(), Waiting.class))
                    .isEqualTo(new Waiting.Told(cancelled));
            assertThat(f.instances.byId(bystander.id()).orElseThrow().version()).isZero();
            assertThat(f.instances.byId(elsewhere.id()).orElseThrow().version()).isZero();
            assertThat(f.outcomes()).containsOnlyOnce("instance-event WorkflowFinished: done dependent v1");
        }
    }
}
