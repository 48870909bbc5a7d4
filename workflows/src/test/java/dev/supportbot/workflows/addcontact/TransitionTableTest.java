package dev.supportbot.workflows.addcontact;

import static dev.supportbot.workflows.addcontact.Sandbox.*;
import static dev.supportbot.workflows.approved.Phases.asking;
import static dev.supportbot.workflows.approved.Phases.halted;
import static dev.supportbot.workflows.approved.Phases.isAsking;
import static dev.supportbot.workflows.approved.Phases.isHalted;
import static dev.supportbot.workflows.approved.Phases.isRunning;
import static dev.supportbot.workflows.approved.Phases.running;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.addcontact.AddContactState.*;
import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.approved.Phases;
import dev.supportbot.workflows.approved.PlanRuns;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.TransitionTable;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every state x every event type, each event built to act on that state where it could (matching keys, hash, ids;
 * due reminders): the table's rows act, every other pair changes nothing and needs no facts.
 */
class TransitionTableTest {
    static final AddContact WORKFLOW = new AddContact();
    static final Instant LATER = NOW.plus(Duration.ofDays(30));
    static final Verification VERIFIED = new Verification(ACME_SUBSCRIPTION, "invoice");

    static List<AddContactState> states() {
        Flow approving = Flow.awaitingApproval(Sandbox.seeded().withLogin(SAM, false), SAM_RIVERA, ACME_SUBSCRIPTION);
        Gate awaitingApproval = (Gate) approving.state;
        approving.approved(7, "slack:UAPPROVER");
        Gate executing = (Gate) approving.state;
        approving.stepFailed("boom");
        Gate failed = (Gate) approving.state;
        return List.of(
                new Requested(),
                new AwaitingOwnership(TICKET, "sam@acme.example", NOW),
                new Planning(TICKET, "sam@acme.example", VERIFIED, false, Proposing.FACTS_KEY),
                new AwaitingAnswer(TICKET, "sam@acme.example", VERIFIED, NOW, 0, false, Set.of()),
                new AwaitingSignUp(TICKET, "nia@acme.example", VERIFIED, NOW, 0),
                awaitingApproval,
                executing,
                failed,
                new Done(new Gated.Approval(TICKET, ACME_SUBSCRIPTION, 7, List.of("slack:UAPPROVER"), NOW)),
                new GateEnd(new Gated.HandedOver(new Gated.Approval(TICKET, ACME_SUBSCRIPTION, 7, List.of("slack:UAPPROVER"), NOW))),
                new NotVerified(TICKET, "rejected", NOW),
                new Declined(TICKET, ACME_SUBSCRIPTION, NOW),
                new NothingToDo(TICKET, ACME_SUBSCRIPTION, NOW),
                new NeedsHuman(TICKET, ACME_SUBSCRIPTION, Handoff.NO_CUSTOMER_RECORD, NOW),
                new GateEnd(new Gated.Rejection(TICKET, ACME_SUBSCRIPTION, 7, "slack:UAPPROVER", NOW)),
                new Expired(TICKET, ACME_SUBSCRIPTION, Wait.APPROVAL, NOW),
                new GateEnd(new Gated.Cancellation(TICKET, "agent", NOW)));
    }

    /** An event of {@code type} shaped to act on {@code state} if any row lets it. */
    static Event sample(AddContactState state, Class<?> type) {
        String hash = isAsking(state) ? asking(state).planHash() : "h";
        String stepKey = isRunning(state) ? PlanRuns.keyOf(running(state).step(), running(state).round()) : "step-1";
        String key = state instanceof Planning p ? p.factsKey() : isAsking(state) ? Proposing.APPROVAL_KEY : stepKey;
        Comment yes = fromRequester(1, SAM_RIVERA, "Yes");
        if (type == Event.TicketUpdated.class) return new Event.TicketUpdated(ticket(SAM_RIVERA), List.of(yes));
        if (type == Event.LinkedTicketUpdated.class) return new Event.LinkedTicketUpdated(987, List.of(yes));
        if (type == Event.ReminderDue.class) {
            return new Event.ReminderDue(isAsking(state) ? AddContactSettings.APPROVAL_EXPIRY : 1);
        }
        if (type == Event.AgentCommand.class) return new Event.AgentCommand(Command.CANCEL, "agent");
        if (type == Event.EffectSucceeded.class) {
            return new Event.EffectSucceeded(key, Map.of(Effect.RequestApproval.APPROVAL_ID, "7", Effect.RunPlanStep.ALREADY_DONE, "false"));
        }
        if (type == Event.EffectFailed.class) return new Event.EffectFailed(key, "boom");
        if (type == Event.WorkflowFinished.class) return new Event.WorkflowFinished(Sandbox.verified(ACME_SUBSCRIPTION));
        if (type == Event.ApprovalDecided.class) return new Event.ApprovalDecided(7, hash, true, List.of("slack:UAPPROVER"), null);
        if (type == Event.RetryRequested.class) {
            return new Event.RetryRequested(7, isHalted(state) ? halted(state).failedStep() : 1, "slack:UAPPROVER");
        }
        throw new IllegalArgumentException("no sample for " + type);
    }

    @Test
    void the_samples_cover_every_state_and_event_type() {
        assertThat(states().stream().map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(AddContactState.class.getPermittedSubclasses()));
        for (Class<?> type : Event.class.getPermittedSubclasses()) assertThat(sample(new Requested(), type)).isInstanceOf(type);
    }

    @Test
    void the_table_at_a_glance() {
        Set<String> rows = AddContact.table().keys().stream()
                .map(k -> k.stateType().getSimpleName() + (k.phase() == null ? "" : "(" + k.phase().getSimpleName() + ")")
                        + " + " + k.eventType().getSimpleName())
                .collect(Collectors.toSet());
        assertThat(rows).containsExactlyInAnyOrder(
                "Requested + TicketUpdated",
                "AwaitingOwnership + WorkflowFinished", "AwaitingOwnership + AgentCommand",
                "Planning + EffectSucceeded", "Planning + AgentCommand",
                "AwaitingAnswer + TicketUpdated", "AwaitingAnswer + ReminderDue", "AwaitingAnswer + AgentCommand",
                "AwaitingSignUp + TicketUpdated", "AwaitingSignUp + ReminderDue", "AwaitingSignUp + AgentCommand",
                "Gate(Ask) + EffectSucceeded", "Gate(Ask) + EffectFailed", "Gate(Ask) + ApprovalDecided",
                "Gate(Ask) + ReminderDue", "Gate(Ask) + AgentCommand",
                "Gate(Run) + EffectSucceeded", "Gate(Run) + EffectFailed", "Gate(Run) + AgentCommand",
                "Gate(Halt) + RetryRequested", "Gate(Halt) + AgentCommand");
    }

    @Test
    void every_row_acts_on_its_sample_and_every_other_pair_changes_nothing() {
        TransitionTable<AddContactState> table = AddContact.table();
        int rows = 0;
        for (AddContactState state : states()) {
            for (Class<?> type : Event.class.getPermittedSubclasses()) {
                Event event = sample(state, type);
                Flow flow = Flow.in(Sandbox.seeded(), state).at(LATER);
                flow.ownership = Sandbox.verified(ACME_SUBSCRIPTION);
                boolean row = table.handles(state, event.getClass());
                String pair = state.getClass().getSimpleName() + " / " + type.getSimpleName();
                if (!row) assertThat(WORKFLOW.factsNeeded(state, event)).as(pair).isEmpty();
                assertThat(flow.send(event).changesNothingFrom(state)).as(pair).isEqualTo(!row);
                if (row) rows++;
            }
        }
        assertThat(rows).isEqualTo(table.keys().size());
    }

    @Test
    void final_states_have_no_rows_and_say_so() {
        for (AddContactState state : states()) {
            boolean hasRows = AddContact.table().keys().stream().anyMatch(k -> k.stateType() == state.getClass());
            assertThat(WORKFLOW.finished(state)).as(state.getClass().getSimpleName())
                    .isEqualTo(!hasRows && !(state instanceof Requested));
            assertThat(WORKFLOW.outcome(state).finished()).isEqualTo(WORKFLOW.finished(state));
        }
    }

    @Test
    void every_outcome_is_in_plain_words_and_names_what_it_knows() {
        for (AddContactState state : states()) {
            var outcome = WORKFLOW.outcome(state);
            assertThat(outcome.kind()).isEqualTo(AddContact.KIND);
            assertThat(outcome.result()).as(state.getClass().getSimpleName()).matches("[a-z][a-z0-9 ,']+");
            if (isAsking(state) || state instanceof Done || Phases.isRejected(state)) {
                assertThat(outcome.detail(dev.supportbot.workflows.engine.Outcome.SUBSCRIPTION)).contains(ACME_SUBSCRIPTION);
            }
        }
        assertThat(states().stream().map(s -> WORKFLOW.outcome(s).result()).distinct()).hasSize(states().size());
    }
}
