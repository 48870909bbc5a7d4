package dev.supportbot.workflows.typofix;

import static dev.supportbot.workflows.approved.Phases.asking;
import static dev.supportbot.workflows.approved.Phases.halted;
import static dev.supportbot.workflows.approved.Phases.isAsking;
import static dev.supportbot.workflows.approved.Phases.isHalted;
import static dev.supportbot.workflows.approved.Phases.isRunning;
import static dev.supportbot.workflows.approved.Phases.running;
import static dev.supportbot.workflows.typofix.Flow.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.approved.Phases;
import dev.supportbot.workflows.approved.PlanRuns;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.TransitionTable;
import dev.supportbot.workflows.typofix.TypoFixState.*;
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
    static final TypoFix WORKFLOW = new TypoFix();
    static final Instant LATER = NOW.plus(Duration.ofDays(30));

    static List<TypoFixState> states() {
        Flow flow = Flow.awaitingConfirmation();
        Checking checking = (Checking) flow.states.get(1);
        AwaitingConfirmation confirming = (AwaitingConfirmation) flow.state;
        flow.amReplies("yes");
        Planning planning = (Planning) flow.state;
        flow.continued();
        Gate approving = (Gate) flow.state;
        flow.approved(7, "slack:UAPPROVER");
        Gate executing = (Gate) flow.state;
        flow.stepFailed("boom");
        Gate failed = (Gate) flow.state;
        return List.of(
                new Requested(null), checking, confirming, planning, approving, executing, failed,
                new Done(FIXED, new Gated.Approval(TICKET, UMBRELLA_SUBSCRIPTION, 7, List.of("slack:UAPPROVER"), NOW)),
                new GateEnd(new Gated.HandedOver(new Gated.Approval(TICKET, UMBRELLA_SUBSCRIPTION, 7, List.of("slack:UAPPROVER"), NOW))),
                new Stopped(TICKET, UMBRELLA_SUBSCRIPTION, StopReason.CODE_USED, NOW),
                new NothingToDo(TICKET, UMBRELLA_SUBSCRIPTION, NOW),
                new GateEnd(new Gated.Rejection(TICKET, UMBRELLA_SUBSCRIPTION, 7, "slack:UAPPROVER", NOW)),
                new Expired(TICKET, UMBRELLA_SUBSCRIPTION, Wait.APPROVAL, NOW),
                new GateEnd(new Gated.Cancellation(TICKET, "agent", NOW)));
    }

    static Event sample(TypoFixState state, Class<?> type) {
        String hash = isAsking(state) ? asking(state).planHash() : "h";
        String stepKey = isRunning(state) ? PlanRuns.keyOf(running(state).step(), running(state).round()) : "step-1";
        String key = state instanceof Checking ? Starting.CHECKS_KEY : state instanceof Planning ? Proposing.FACTS_KEY
                : isAsking(state) ? Proposing.APPROVAL_KEY : stepKey;
        Comment yes = new Comment(1, AM, true, true, "Yes", List.of());
        Comment correction = new Comment(2, AM, true, true, "Sorry, it is alicia@umbrella.example", List.of());
        if (type == Event.TicketUpdated.class) {
            return new Event.TicketUpdated(request("fix " + TYPO + " to " + FIXED),
                    List.of(isAsking(state) ? correction : yes));
        }
        if (type == Event.LinkedTicketUpdated.class) return new Event.LinkedTicketUpdated(987, List.of(yes));
        if (type == Event.ReminderDue.class) {
            return new Event.ReminderDue(isAsking(state) ? TypoFixSettings.APPROVAL_EXPIRY : 1);
        }
        if (type == Event.AgentCommand.class) return new Event.AgentCommand(Command.CANCEL, "agent");
        if (type == Event.EffectSucceeded.class) {
            return new Event.EffectSucceeded(key, Map.of(Effect.RequestApproval.APPROVAL_ID, "7", Effect.RunPlanStep.ALREADY_DONE, "false"));
        }
        if (type == Event.EffectFailed.class) return new Event.EffectFailed(key, "boom");
        if (type == Event.WorkflowFinished.class) {
            return new Event.WorkflowFinished(new Outcome("ownership_verification", "verified", true, Map.of()));
        }
        if (type == Event.ApprovalDecided.class) return new Event.ApprovalDecided(7, hash, true, List.of("slack:UAPPROVER"), null);
        if (type == Event.RetryRequested.class) {
            return new Event.RetryRequested(7, isHalted(state) ? halted(state).failedStep() : 1, "slack:UAPPROVER");
        }
        throw new IllegalArgumentException("no sample for " + type);
    }

    @Test
    void the_samples_cover_every_state_and_event_type() {
        assertThat(states().stream().map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(TypoFixState.class.getPermittedSubclasses()));
        for (Class<?> type : Event.class.getPermittedSubclasses()) assertThat(sample(new Requested(null), type)).isInstanceOf(type);
    }

    @Test
    void the_table_at_a_glance() {
        Set<String> rows = TypoFix.table().keys().stream()
                .map(k -> k.stateType().getSimpleName() + (k.phase() == null ? "" : "(" + k.phase().getSimpleName() + ")")
                        + " + " + k.eventType().getSimpleName())
                .collect(Collectors.toSet());
        assertThat(rows).containsExactlyInAnyOrder(
                "Requested + TicketUpdated",
                "Checking + EffectSucceeded", "Checking + AgentCommand",
                "AwaitingConfirmation + TicketUpdated", "AwaitingConfirmation + ReminderDue", "AwaitingConfirmation + AgentCommand",
                "Planning + EffectSucceeded", "Planning + AgentCommand",
                "Gate(Ask) + TicketUpdated",
                "Gate(Ask) + EffectSucceeded", "Gate(Ask) + EffectFailed", "Gate(Ask) + ApprovalDecided",
                "Gate(Ask) + ReminderDue", "Gate(Ask) + AgentCommand",
                "Gate(Run) + EffectSucceeded", "Gate(Run) + EffectFailed", "Gate(Run) + AgentCommand",
                "Gate(Halt) + RetryRequested", "Gate(Halt) + AgentCommand");
    }

    @Test
    void every_row_acts_on_its_sample_and_every_other_pair_changes_nothing() {
        TransitionTable<TypoFixState> table = TypoFix.table();
        int rows = 0;
        for (TypoFixState state : states()) {
            for (Class<?> type : Event.class.getPermittedSubclasses()) {
                Event event = sample(state, type);
                Flow flow = Flow.in(state).after(Duration.ofDays(30));
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
        for (TypoFixState state : states()) {
            boolean hasRows = TypoFix.table().keys().stream().anyMatch(k -> k.stateType() == state.getClass());
            assertThat(WORKFLOW.finished(state)).as(state.getClass().getSimpleName())
                    .isEqualTo(!hasRows && !(state instanceof Requested));
            assertThat(WORKFLOW.outcome(state).finished()).isEqualTo(WORKFLOW.finished(state));
        }
    }

    @Test
    void every_outcome_is_in_plain_words_and_names_the_subscription_once_known() {
        for (TypoFixState state : states()) {
            var outcome = WORKFLOW.outcome(state);
            assertThat(outcome.kind()).isEqualTo(TypoFix.KIND);
            assertThat(outcome.result()).as(state.getClass().getSimpleName()).matches("[a-z][a-z0-9 ,':]+");
            if (!(state instanceof Requested) && !Phases.isCancelled(state)) {
                assertThat(outcome.detail(Outcome.SUBSCRIPTION)).as(state.getClass().getSimpleName()).contains(UMBRELLA_SUBSCRIPTION);
            }
        }
        assertThat(states().stream().map(s -> WORKFLOW.outcome(s).result()).distinct()).hasSize(states().size());
    }
}
