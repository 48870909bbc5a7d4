package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.SettableClock;
import dev.supportbot.bot.testing.TestDatabases;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.WorkflowRegistry;
import dev.supportbot.workflows.ownership.OwnershipState;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import dev.supportbot.workflows.portalaccess.PortalAccess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A run's {@code state_since} moves when it enters another state, not when its state changes within one. */
class StateSinceTest {
    private static final String KIND = OwnershipVerification.KIND;

    @Test
    void since_is_when_the_run_entered_its_current_state() throws Exception {
        Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
        SettableClock clock = new SettableClock(t0);
        try (Database db = TestDatabases.open()) {
            WorkflowEngine engine = TestEngines.engine(WorkflowRegistry.of(new OwnershipVerification()), clock);
            InstanceStore store = new InstanceStore(db, clock);
            // Asked 5 days ago: both reminders are due.
            store.create(1, KIND, engine.json().write(new OwnershipState.AwaitingSubscription(1, t0.minus(Duration.ofDays(5)), 0, Set.of()),
                    OwnershipState.class), "supportbot");
            assertThat(since(store)).isEqualTo(t0);

            clock.advance(Duration.ofHours(1));
            decide(db, engine, store, new Event.ReminderDue(1));
            assertThat(since(store)).as("entered AwaitingSubscription from the initial state").isEqualTo(t0.plus(Duration.ofHours(1)));

            clock.advance(Duration.ofHours(1));
            Instance before = store.running(1, KIND).orElseThrow();
            decide(db, engine, store, new Event.ReminderDue(2));
            assertThat(store.running(1, KIND).orElseThrow().version()).as("the second reminder changed the state").isGreaterThan(before.version());
            assertThat(since(store)).as("still awaiting the subscription").isEqualTo(t0.plus(Duration.ofHours(1)));

            clock.advance(Duration.ofHours(1));
            decide(db, engine, store, new Event.AgentCommand(Command.CANCEL, "slack:U1"));
            assertThat(store.runsOn(1)).singleElement().satisfies(run -> {
                assertThat(run.instance().finished()).isTrue();
                assertThat(run.stateSince()).isEqualTo(t0.plus(Duration.ofHours(3)));
            });
        }
    }

    /**
     * A workflow's one gate state stands for three states: its phase names the state, so a plan that leaves the
     * approvers for its first step enters "Executing" then, as the state's stored type id says.
     */
    @Test
    void a_gate_state_enters_another_state_when_its_phase_changes() throws Exception {
        Instant t0 = Instant.parse("2026-12-02T10:00:00Z");
        SettableClock clock = new SettableClock(t0);
        String stored;
        try (var in = StateSinceTest.class.getResourceAsStream("/stored/states/portal_access/AwaitingApproval.json")) {
            stored = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Database db = TestDatabases.open()) {
            WorkflowEngine engine = TestEngines.engine(WorkflowRegistry.of(new PortalAccess()), clock);
            InstanceStore store = new InstanceStore(db, clock);
            store.create(1, PortalAccess.KIND, stored, "supportbot");
            String hash = engine.json().mapper().readTree(stored).get("planHash").asText();

            clock.advance(Duration.ofMinutes(5));
            decide(db, engine, store, PortalAccess.KIND, new Event.EffectSucceeded("approval", Map.of(Effect.RequestApproval.APPROVAL_ID, "41")));
            assertThat(type(db)).isEqualTo("AwaitingApproval");
            assertThat(since(store)).as("entered AwaitingApproval from the initial state").isEqualTo(t0.plus(Duration.ofMinutes(5)));

            clock.advance(Duration.ofMinutes(5));
            decide(db, engine, store, PortalAccess.KIND, new Event.ApprovalDecided(41, hash, true, List.of("slack:U2"), null));
            assertThat(type(db)).isEqualTo("Executing");
            assertThat(since(store)).isEqualTo(t0.plus(Duration.ofMinutes(10)));
        }
    }

    private static String type(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT state_type FROM workflow_instance WHERE ticket_id = 1")
                .mapTo(String.class).one());
    }

    private static Instant since(InstanceStore store) {
        return store.runsOn(1).get(0).stateSince();
    }

    private static void decide(Database db, WorkflowEngine engine, InstanceStore store, Event event) throws Exception {
        decide(db, engine, store, KIND, event);
    }

    private static void decide(Database db, WorkflowEngine engine, InstanceStore store, String kind, Event event) throws Exception {
        Instance running = store.running(1, kind).orElseThrow();
        WorkflowEngine.Advance advance = engine.advance(running, event, Map.of(), running.commentCursor(), "supportbot", List.of());
        db.jdbi().useTransaction(h -> advance.commit().apply(h));
    }
}
