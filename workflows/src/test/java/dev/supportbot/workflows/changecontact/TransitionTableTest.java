package dev.supportbot.workflows.changecontact;

import static dev.supportbot.workflows.approved.Phases.asking;
import static dev.supportbot.workflows.approved.Phases.halted;
import static dev.supportbot.workflows.approved.Phases.isAsking;
import static dev.supportbot.workflows.approved.Phases.isHalted;
import static dev.supportbot.workflows.approved.Phases.isRunning;
import static dev.supportbot.workflows.approved.Phases.running;
import static dev.supportbot.workflows.changecontact.Flow.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.approved.Phases;
import dev.supportbot.workflows.approved.PlanRuns;
import dev.supportbot.workflows.changecontact.ChangeContactState.*;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.TransitionTable;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import java.time.Duration;
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
    static final ChangeContact WORKFLOW = new ChangeContact();

    static List<ChangeContactState> states() {
        Flow self = new Flow(BO);
        self.start();
        AwaitingSelfService selfService = (AwaitingSelfService) self.state;
        self.requesterReplies("Email has already been taken");
        AwaitingOwnership awaitingOwnership = (AwaitingOwnership) self.state;
        self.ownershipFinished(verified());
        Planning planning = (Planning) self.state;

        AwaitingAnswer awaitingAnswer = (AwaitingAnswer) OtherAccountQuestionTest.asked().state;

        Flow flow = Flow.assistedAwaitingApproval(SAM);
        Gate posted = (Gate) flow.state;
        // Before the approval request's result came back: its EffectSucceeded has something to act on.
        Gate approving = new Gate(posted.ticketId(), posted.requester(), posted.subscriptionName(),
                posted.path(), new Gated.Ask(posted.plan(), asking(posted).planHash(), null, asking(posted).expiresAt()));
        flow.approved(7, "slack:UAPPROVER1", "slack:UAPPROVER2");
        Gate executing = (Gate) flow.state;
        flow.stepFailed("boom");
        Gate failed = (Gate) flow.state;
        return List.of(
                new Requested(null), selfService, awaitingOwnership, planning, awaitingAnswer, approving, executing, failed,
                new Done(TICKET, SUBSCRIPTION, Path.SUPPORT_ASSISTED, 7L, NOW),
                new NotVerified(TICKET, "rejected", NOW),
                new Declined(TICKET, SUBSCRIPTION, NOW),
                new NeedsHuman(TICKET, SUBSCRIPTION, Handoff.NO_PLAN, NOW),
                new GateEnd(new Gated.HandedOver(new Gated.Approval(TICKET, SUBSCRIPTION, 7, List.of("slack:UAPPROVER1"), NOW))),
                new GateEnd(new Gated.Rejection(TICKET, SUBSCRIPTION, 7, "slack:UAPPROVER1", NOW)),
                new Expired(TICKET, SUBSCRIPTION, Wait.APPROVAL, NOW),
                new GateEnd(new Gated.Cancellation(TICKET, "agent", NOW)));
    }

    static Event sample(ChangeContactState state, Class<?> type) {
        String hash = isAsking(state) ? asking(state).planHash() : "h";
        String stepKey = isRunning(state) ? PlanRuns.keyOf(running(state).step(), running(state).round()) : "step-1";
        String key = state instanceof Planning ? Proposing.FACTS_KEY
                : isAsking(state) ? Proposing.APPROVAL_KEY : stepKey;
        Comment done = new Comment(1, SAM, true, true, "Done!", List.of());
        if (type == Event.TicketUpdated.class) {
            return new Event.TicketUpdated(new dev.supportbot.workflows.engine.Ticket(TICKET, "New owner of " + SUBSCRIPTION,
                    "Pat left", SAM, Set.of(), "open"), List.of(done));
        }
        if (type == Event.LinkedTicketUpdated.class) return new Event.LinkedTicketUpdated(987, List.of(done));
        if (type == Event.ReminderDue.class) {
            return new Event.ReminderDue(isAsking(state) ? ChangeContactSettings.APPROVAL_EXPIRY
                    : state instanceof AwaitingAnswer ? ChangeContactSettings.ANSWER_REMINDER_1 : 1);
        }
        if (type == Event.AgentCommand.class) return new Event.AgentCommand(Command.CANCEL, "agent");
        if (type == Event.EffectSucceeded.class) {
            return new Event.EffectSucceeded(key, Map.of(Effect.RequestApproval.APPROVAL_ID, "7", Effect.RunPlanStep.ALREADY_DONE, "false"));
        }
        if (type == Event.EffectFailed.class) return new Event.EffectFailed(key, "boom");
        if (type == Event.WorkflowFinished.class) {
            return new Event.WorkflowFinished(verified());
        }
        if (type == Event.ApprovalDecided.class) {
            return new Event.ApprovalDecided(7, hash, true, List.of("slack:UAPPROVER1", "slack:UAPPROVER2"), null);
        }
        if (type == Event.RetryRequested.class) {
            return new Event.RetryRequested(7, isHalted(state) ? halted(state).failedStep() : 1, "slack:UAPPROVER1");
        }
        throw new IllegalArgumentException("no sample for " + type);
    }

    @Test
    void the_samples_cover_every_state_and_event_type() {
        assertThat(states().stream().map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(ChangeContactState.class.getPermittedSubclasses()));
        for (Class<?> type : Event.class.getPermittedSubclasses()) assertThat(sample(new Requested(null), type)).isInstanceOf(type);
    }

    @Test
    void the_table_at_a_glance() {
        Set<String> rows = ChangeContact.table().keys().stream()
                .map(k -> k.stateType().getSimpleName() + (k.phase() == null ? "" : "(" + k.phase().getSimpleName() + ")")
                        + " + " + k.eventType().getSimpleName())
                .collect(Collectors.toSet());
        assertThat(rows).containsExactlyInAnyOrder(
                "Requested + TicketUpdated",
                "AwaitingSelfService + TicketUpdated", "AwaitingSelfService + ReminderDue", "AwaitingSelfService + AgentCommand",
                "AwaitingOwnership + WorkflowFinished", "AwaitingOwnership + AgentCommand",
                "Planning + EffectSucceeded", "Planning + AgentCommand",
                "AwaitingAnswer + TicketUpdated", "AwaitingAnswer + ReminderDue", "AwaitingAnswer + AgentCommand",
                "Gate(Ask) + EffectSucceeded", "Gate(Ask) + EffectFailed", "Gate(Ask) + ApprovalDecided",
                "Gate(Ask) + ReminderDue", "Gate(Ask) + AgentCommand",
                "Gate(Run) + EffectSucceeded", "Gate(Run) + EffectFailed", "Gate(Run) + AgentCommand",
                "Gate(Halt) + RetryRequested", "Gate(Halt) + AgentCommand");
    }

    @Test
    void every_row_acts_on_its_sample_and_every_other_pair_changes_nothing() {
        TransitionTable<ChangeContactState> table = ChangeContact.table();
        int rows = 0;
        for (ChangeContactState state : states()) {
            for (Class<?> type : Event.class.getPermittedSubclasses()) {
                Event event = sample(state, type);
                Flow flow = Flow.in(state).after(Duration.ofDays(30));
                flow.ownership = verified();
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
        for (ChangeContactState state : states()) {
            boolean hasRows = ChangeContact.table().keys().stream().anyMatch(k -> k.stateType() == state.getClass());
            assertThat(WORKFLOW.finished(state)).as(state.getClass().getSimpleName())
                    .isEqualTo(!hasRows && !(state instanceof Requested));
            assertThat(WORKFLOW.outcome(state).finished()).isEqualTo(WORKFLOW.finished(state));
        }
    }

    @Test
    void every_outcome_is_in_plain_words_and_names_the_subscription_once_known() {
        for (ChangeContactState state : states()) {
            Outcome outcome = WORKFLOW.outcome(state);
            assertThat(outcome.kind()).isEqualTo(ChangeContact.KIND);
            assertThat(outcome.result()).as(state.getClass().getSimpleName()).matches("[a-z][a-z0-9 ,'():-]+");
            if (!(state instanceof Requested) && !Phases.isCancelled(state) && !(state instanceof AwaitingOwnership)
                    && !(state instanceof NotVerified)) {
                assertThat(outcome.detail(Outcome.SUBSCRIPTION)).as(state.getClass().getSimpleName()).contains(SUBSCRIPTION);
            }
        }
        assertThat(states().stream().map(s -> WORKFLOW.outcome(s).result()).distinct()).hasSize(states().size());
    }

    @Test
    void it_is_registered_with_its_commands_and_relies_on_ownership_verification() {
        assertThat(dev.supportbot.workflows.Workflows.ALL.forStartTag(ChangeContact.START_TAG)).get().isInstanceOf(ChangeContact.class);
        assertThat(WORKFLOW.requires()).containsExactly(OwnershipVerification.KIND);
        assertThat(WORKFLOW.slashCommands()).extracting(c -> c.name() + (c.verb() == null ? "" : " " + c.verb()))
                .containsExactly("change-contact", "remove-membership", "cc assist", "cc check", "cc cancel");
        assertThat(WORKFLOW.commandTags()).containsEntry(ChangeContact.SELF_SERVICE_DONE_TAG, ChangeContact.CHECK);
    }
}
