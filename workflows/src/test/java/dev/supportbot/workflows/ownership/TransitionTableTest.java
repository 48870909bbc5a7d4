package dev.supportbot.workflows.ownership;

import static dev.supportbot.workflows.ownership.Fixtures.*;
import static dev.supportbot.workflows.ownership.Fixtures.Setup.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.TransitionTable;
import dev.supportbot.workflows.ownership.OwnershipState.*;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every state x every event type: the table's rows act, everything else is ignored. */
class TransitionTableTest {
    static final Instant ASKED = NOW.minus(Duration.ofDays(1));
    static final OwnershipVerification WORKFLOW = new OwnershipVerification();

    static final List<OwnershipState> STATES = List.of(
            new Requested(),
            new AwaitingSubscription(TICKET_ID, ASKED, 0, Set.of()),
            new AwaitingProof(TICKET_ID, SUBSCRIPTION, ACCOUNT_ID, null, null,
                    new SoldToRequest(SoldToRequest.Status.OPEN, 987L), ASKED, 0, Set.of()),
            new Verified(TICKET_ID, SUBSCRIPTION, new Evidence(ProofKind.INVOICE, "invoice INV-1001-A"), ASKED),
            new Rejected(TICKET_ID, SUBSCRIPTION, "declined", ASKED),
            new Escalated(TICKET_ID, SUBSCRIPTION, "agent", null, null, ASKED),
            new Expired(TICKET_ID, SUBSCRIPTION, ASKED),
            new Cancelled(TICKET_ID, SUBSCRIPTION, "agent", ASKED));

    /** Events that each would act where the table has a row for them. */
    static final List<Event> EVENTS = List.of(
            new Event.TicketUpdated(ticket(SUBSCRIPTION, "", CUSTOMER), List.of(fromRequester(1, CUSTOMER, SUBSCRIPTION + " INV-1001-A"))),
            new Event.LinkedTicketUpdated(987, List.of(comment(2, SOLD_TO, true, "I approve"))),
            new Event.ReminderDue(3),
            new Event.AgentCommand(OwnershipCommands.CONFIRM_CONTRACT, "agent"),
            new Event.EffectSucceeded(OwnershipVerification.SOLD_TO_TICKET_KEY, Map.of(Effect.OpenSeparateTicket.TICKET_ID, "988")),
            new Event.EffectFailed(OwnershipVerification.ESCALATION_KEY, "boom"),
            new Event.WorkflowFinished(new Outcome("add_contact", "done", true, Map.of())),
            new Event.ApprovalDecided(5, "abc", true, List.of("slack:UAPPROVER"), null),
            new Event.RetryRequested(5, 2, "slack:UAPPROVER"));

    static final Context LATER = Context.at(NOW.plus(Duration.ofDays(30)));

    @Test
    void the_samples_cover_every_state_and_event_type() {
        assertThat(STATES.stream().map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(OwnershipState.class.getPermittedSubclasses()));
        assertThat(EVENTS.stream().map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(Event.class.getPermittedSubclasses()));
    }

    @Test
    void the_table_at_a_glance() {
        Set<String> rows = OwnershipVerification.table().keys().stream()
                .map(k -> k.stateType().getSimpleName() + " + " + k.eventType().getSimpleName()).collect(Collectors.toSet());
        assertThat(rows).containsExactlyInAnyOrder(
                "Requested + TicketUpdated",
                "AwaitingSubscription + TicketUpdated", "AwaitingSubscription + ReminderDue", "AwaitingSubscription + AgentCommand",
                "AwaitingProof + TicketUpdated", "AwaitingProof + LinkedTicketUpdated", "AwaitingProof + ReminderDue",
                "AwaitingProof + AgentCommand", "AwaitingProof + EffectSucceeded", "AwaitingProof + EffectFailed",
                "Escalated + AgentCommand", "Escalated + EffectSucceeded", "Escalated + EffectFailed");
    }

    @Test
    void pairs_without_a_row_need_no_facts_and_change_nothing() {
        TransitionTable<OwnershipState> table = OwnershipVerification.table();
        int ignored = 0;
        for (OwnershipState state : STATES) {
            for (Event event : EVENTS) {
                if (table.handles(state, event.getClass())) continue;
                ignored++;
                assertThat(WORKFLOW.factsNeeded(state, event)).as(state + " / " + event).isEmpty();
                assertThat(WORKFLOW.decide(state, event, SELF_MANAGED_DIRECT.portal().answer(List.of()), LATER)
                        .changesNothingFrom(state)).as(state + " / " + event).isTrue();
            }
        }
        assertThat(ignored).isEqualTo(STATES.size() * EVENTS.size() - table.keys().size());
    }

    @Test
    void final_states_have_no_rows_and_say_so() {
        for (OwnershipState state : STATES) {
            boolean hasRows = OwnershipVerification.table().keys().stream().anyMatch(k -> k.stateType() == state.getClass());
            assertThat(WORKFLOW.finished(state)).as(state.getClass().getSimpleName()).isEqualTo(!hasRows && !(state instanceof Requested));
        }
    }

    @Test
    void every_row_acts_on_its_sample_event() {
        TransitionTable<OwnershipState> table = OwnershipVerification.table();
        for (OwnershipState state : STATES) {
            for (Event event : EVENTS) {
                if (!table.handles(state, event.getClass())) continue;
                Event sample = event;
                if (state instanceof Escalated && event instanceof Event.EffectSucceeded) {
                    sample = new Event.EffectSucceeded(OwnershipVerification.ESCALATION_KEY, Map.of(Effect.OpenEscalationIssue.ISSUE_URL, "u"));
                }
                if (state instanceof AwaitingProof && event instanceof Event.EffectSucceeded) continue; // needs OPENING: SoldToApprovalTest
                if (state instanceof AwaitingProof && event instanceof Event.EffectFailed) continue;
                Flow flow = new Flow(SELF_MANAGED_DIRECT.portal(), state).at(LATER.now());
                Decision<OwnershipState> d = flow.send(sample);
                assertThat(d.changesNothingFrom(state)).as(state.getClass().getSimpleName() + " / " + sample).isFalse();
            }
        }
    }

    @Test
    void handled_pairs_still_ignore_events_that_are_not_for_them() {
        OwnershipState proof = STATES.get(2);
        List<Map.Entry<OwnershipState, Event>> irrelevant = List.of(
                Map.entry(new Requested(), new Event.TicketUpdated(new dev.supportbot.workflows.engine.Ticket(
                        TICKET_ID, SUBSCRIPTION, "", CUSTOMER, Set.of(), "open"), List.of())),
                Map.entry(STATES.get(1), new Event.TicketUpdated(ticket("x", "", CUSTOMER), List.of())),
                Map.entry(STATES.get(1), new Event.TicketUpdated(ticket("x", "", CUSTOMER), List.of(comment(3, BOT, false, SUBSCRIPTION)))),
                Map.entry(proof, new Event.TicketUpdated(ticket("x", "", CUSTOMER), List.of())),
                Map.entry(proof, new Event.LinkedTicketUpdated(555, List.of(comment(2, SOLD_TO, true, "I approve")))),
                Map.entry(proof, new Event.EffectSucceeded("unknown", Map.of())),
                Map.entry(proof, new Event.EffectFailed(OwnershipVerification.ESCALATION_KEY, "x")),
                Map.entry(STATES.get(5), new Event.EffectSucceeded(OwnershipVerification.SOLD_TO_TICKET_KEY, Map.of())),
                Map.entry(STATES.get(5), new Event.AgentCommand(OwnershipCommands.ESCALATE, "again")));
        for (var pair : irrelevant) {
            Flow flow = new Flow(SELF_MANAGED_DIRECT.portal(), pair.getKey()).at(LATER.now());
            assertThat(flow.send(pair.getValue()).changesNothingFrom(pair.getKey())).as(pair.toString()).isTrue();
        }
    }
}
