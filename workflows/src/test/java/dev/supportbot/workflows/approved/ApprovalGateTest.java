package dev.supportbot.workflows.approved;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.supportbot.workflows.Workflows;
import dev.supportbot.workflows.addcontact.AddContactState;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Effect.UpdateApproval.Phase;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.StoredTypes;
import dev.supportbot.workflows.engine.TransitionTable;
import dev.supportbot.workflows.engine.WorkflowSetting;
import dev.supportbot.workflows.plan.Plan;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one approval gate, driven through a workflow of its own states only: what every workflow that plugs in gets. */
class ApprovalGateTest {
    sealed interface S {
        record Waiting(Plan plan, String planHash, Long approvalId, Instant expiresAt) implements S, Gated.Awaiting {}

        record Running(Plan plan, long approvalId, List<String> approvers, int step, int round, List<StepResult> results)
                implements S, Gated.Executing {}

        record Stopped(Plan plan, long approvalId, List<String> approvers, int failedStep, int round, List<StepResult> results)
                implements S, Gated.Failed {}

        record End(String how) implements S {}
    }

    static final class Plug implements ApprovalGate.Plug<S, S.Waiting, S.Running, S.Stopped> {
        public S.Waiting withApprovalId(S.Waiting w, long id) { return new S.Waiting(w.plan(), w.planHash(), id, w.expiresAt()); }
        public S.Running executing(S from, Gated.Run r) {
            Plan plan = from instanceof Gated.Awaiting a ? a.plan() : ((Gated.Approved) from).plan();
            return new S.Running(plan, r.approvalId(), r.approvers(), r.step(), r.round(), r.results());
        }
        public S.Stopped failed(S.Running x, List<StepResult> results, String reason) {
            return new S.Stopped(x.plan(), x.approvalId(), x.approvers(), x.step(), x.round(), results);
        }
        public S done(S.Running last, Instant at) { return new S.End("done"); }
        public List<Effect> told(S.Running last, List<StepResult> results, List<String> lines) { return List.of(new Effect.PublicComment("done")); }
        public S rejected(S.Waiting w, long id, String by, Instant at) { return new S.End("rejected by " + by); }
        public S expired(S.Waiting w, Instant at) { return new S.End("expired"); }
        public S notPosted(S.Waiting w, Instant at) { return new S.End("not posted"); }
        public S cancelled(S from, String agent, Instant at) { return new S.End("cancelled by " + agent); }
    }

    static final WorkflowSetting<Duration> TTL = ApprovalGate.approvalTtl("gate_test", "gate test");
    static final ApprovalGate<S, S.Waiting, S.Running, S.Stopped> GATE = new ApprovalGate<>(S.Waiting.class, S.Running.class,
            S.Stopped.class, new Plug(), new ApprovalGate.Terms(TTL, ctx -> 2, 9, new GateWords("Gate test: ", " Start again.")));
    static final TransitionTable<S> TABLE = GATE.rows(TransitionTable.<S>builder()).build();
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final Plan plan = storedPlan();
    private final String hash = "h1";

    @Test
    void asking_puts_the_plan_before_as_many_approvers_as_asked_until_the_ttl() {
        Decision<S> d = GATE.ask(plan, Context.at(NOW), (h, expires) -> new S.Waiting(plan, h, null, expires));
        assertThat(d.state()).isInstanceOfSatisfying(S.Waiting.class, w -> assertThat(w.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(72))));
        assertThat(d.effects()).startsWith(new Effect.RequestApproval(ApprovalGate.APPROVAL_KEY, plan, 2, Duration.ofHours(72)))
                .endsWith(new Effect.ScheduleReminder(9, Duration.ofHours(72)));
        assertThat(((Effect.PrivateNote) d.effects().get(1)).body()).startsWith("Gate test: a plan waits for 2 approvers in Slack");
    }

    @Test
    void only_this_plan_and_this_approval_are_approved_and_the_first_step_runs() {
        S.Waiting waiting = new S.Waiting(plan, hash, 7L, NOW.plus(Duration.ofHours(72)));
        assertThat(send(waiting, new Event.ApprovalDecided(7, "other", true, List.of("slack:UA"), null)).changesNothingFrom(waiting)).isTrue();
        assertThat(send(waiting, new Event.ApprovalDecided(8, hash, true, List.of("slack:UA"), null)).changesNothingFrom(waiting)).isTrue();
        assertThat(send(waiting, new Event.ApprovalDecided(7, hash, true, List.of(), null)).changesNothingFrom(waiting)).isTrue();

        Decision<S> d = send(waiting, new Event.ApprovalDecided(7, hash, true, List.of("slack:UA"), null));

        assertThat(d.state()).isInstanceOfSatisfying(S.Running.class, x -> assertThat(x.step()).isEqualTo(1));
        assertThat(d.effects()).first().isEqualTo(new Effect.CancelReminders());
        assertThat(d.effects()).last().isInstanceOfSatisfying(Effect.RunPlanStep.class, r -> assertThat(r.key()).isEqualTo("step-1"));
    }

    @Test
    void a_failed_step_waits_for_a_retry_which_runs_it_in_the_next_round_and_the_last_step_ends_the_run() {
        S.Running first = (S.Running) send(new S.Waiting(plan, hash, 7L, NOW), new Event.ApprovalDecided(7, hash, true, List.of("slack:UA"), null)).state();
        Decision<S> failed = send(first, new Event.EffectFailed("step-1", "portal answered 503"));
        assertThat(failed.state()).isInstanceOf(S.Stopped.class);
        assertThat(failed.effects()).contains(new Effect.UpdateApproval(7, Phase.FAILED, ((Effect.UpdateApproval) failed.effects().get(0)).lines(), 1));

        Decision<S> retried = send(failed.state(), new Event.RetryRequested(7, 1, "slack:UB Bea"));
        assertThat(retried.effects()).filteredOn(Effect.RunPlanStep.class::isInstance).singleElement()
                .satisfies(r -> assertThat(((Effect.RunPlanStep) r).key()).isEqualTo("step-1-round-1"));
        assertThat(notes(retried)).contains("Gate test: Bea asked to retry the plan from step 1.");

        S state = retried.state();
        for (int step = 1; step <= plan.changes().size(); step++) {
            state = send(state, new Event.EffectSucceeded(PlanRuns.keyOf(step, 1), Map.of())).state();
        }
        assertThat(state).isEqualTo(new S.End("done"));
    }

    @Test
    void a_plan_expires_on_its_reminder_once_its_time_is_up_and_a_rejection_says_who() {
        S.Waiting waiting = new S.Waiting(plan, hash, 7L, NOW.plus(Duration.ofHours(72)));
        assertThat(TABLE.decide(waiting, new Event.ReminderDue(9), Facts.none(), Context.at(NOW)).changesNothingFrom(waiting)).isTrue();
        Decision<S> expired = TABLE.decide(waiting, new Event.ReminderDue(9), Facts.none(), Context.at(NOW.plus(Duration.ofHours(72))));
        assertThat(expired.state()).isEqualTo(new S.End("expired"));
        assertThat(expired.effects()).contains(new Effect.CancelReminders(),
                new Effect.UpdateApproval(7, Phase.EXPIRED, List.of("Expired: not approved in time. Nothing was changed."), null));
        assertThat(notes(expired)).contains("Gate test: the plan was not approved within 72 hours and has expired, so nothing was changed. Start again.");

        Decision<S> rejected = send(waiting, new Event.ApprovalDecided(7, hash, false, List.of("slack:UA Alex Morgan"), "wrong account"));
        assertThat(rejected.state()).isEqualTo(new S.End("rejected by slack:UA Alex Morgan"));
        assertThat(rejected.effects()).contains(new Effect.UpdateApproval(7, Phase.REJECTED, List.of("Rejected by <@UA>: wrong account"), null));
        assertThat(notes(rejected)).contains("Gate test: the plan was rejected by Alex Morgan: wrong account. Nothing was changed.");
    }

    @Test
    void an_approval_that_cannot_be_posted_ends_the_run_and_a_cancel_closes_the_open_approval() {
        S.Waiting posting = new S.Waiting(plan, hash, null, NOW);
        assertThat(send(posting, new Event.EffectSucceeded(ApprovalGate.APPROVAL_KEY, Map.of())).state()).isEqualTo(new S.End("not posted"));
        assertThat(send(posting, new Event.EffectSucceeded(ApprovalGate.APPROVAL_KEY, Map.of(Effect.RequestApproval.APPROVAL_ID, "12"))).state())
                .isEqualTo(new S.Waiting(plan, hash, 12L, NOW));

        Decision<S> cancelled = send(new S.Waiting(plan, hash, 12L, NOW), new Event.AgentCommand(Command.CANCEL, "slack:UC"));
        assertThat(cancelled.state()).isEqualTo(new S.End("cancelled by slack:UC"));
        assertThat(cancelled.effects()).contains(new Effect.UpdateApproval(12, Phase.CANCELLED, List.of("Cancelled by <@UC>."), null));
    }

    @Test
    void a_state_that_does_not_show_the_gate_what_it_reads_is_refused() {
        assertThatThrownBy(() -> new ApprovalGate<>(S.End.class, S.Running.class, S.Stopped.class, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Gated$Awaiting");
    }

    private static Decision<S> send(S state, Event event) {
        return TABLE.decide(state, event, Facts.none(), Context.at(NOW));
    }

    private static List<String> notes(Decision<S> d) {
        return d.effects().stream().filter(Effect.PrivateNote.class::isInstance).map(e -> ((Effect.PrivateNote) e).body()).toList();
    }

    /** A real plan of several steps: the one stored in the golden fixture of add contact. */
    private static Plan storedPlan() {
        ObjectMapper mapper = StoredTypes.of(Workflows.ALL).register(new ObjectMapper().registerModule(new JavaTimeModule()));
        try (var in = ApprovalGateTest.class.getResourceAsStream("/stored/states/add_contact/AwaitingApproval.json")) {
            return ((AddContactState.AwaitingApproval) mapper.readValue(in, AddContactState.class)).plan();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
