package dev.supportbot.workflows.approved;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.supportbot.workflows.Workflows;
import dev.supportbot.workflows.addcontact.AddContactState;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Effect.UpdateApproval.Phase;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.Policy;
import dev.supportbot.workflows.engine.StoredTypes;
import dev.supportbot.workflows.engine.TransitionTable;
import dev.supportbot.workflows.engine.WorkflowSetting;
import dev.supportbot.workflows.engine.WorkflowSettings;
import dev.supportbot.workflows.plan.Plan;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one approval gate, driven through a workflow of its own states only: what every workflow that plugs in gets. */
class ApprovalGateTest {
    sealed interface S {
        record Waiting(Plan plan, String planHash, Long approvalId, Instant expiresAt) implements S, Gated.InGate {
            public Gated.Ask phase() { return new Gated.Ask(plan, planHash, approvalId, expiresAt); }
            public long ticketId() { return 1; }
        }

        record Running(Gated.Run run) implements S, Gated.InGate {
            public Gated.Run phase() { return run; }
            public long ticketId() { return 1; }
        }

        record Stopped(Gated.Halt halt) implements S, Gated.InGate {
            public Gated.Halt phase() { return halt; }
            public long ticketId() { return 1; }
        }

        record End(String how) implements S {}
    }

    static final class Plug implements ApprovalGate.Plug<S, S.Waiting, S.Running, S.Stopped> {
        public S.Waiting withApprovalId(S.Waiting w, long id) { return new S.Waiting(w.plan(), w.planHash(), id, w.expiresAt()); }
        public S.Running executing(S from, Gated.Run r) { return new S.Running(r); }
        public S.Stopped failed(S.Running x, Gated.Halt halt, String reason) { return new S.Stopped(halt); }
        public S done(S.Running last, Instant at) { return new S.End("done"); }
        public List<Effect> told(S.Running last, Gated.Run run, List<StepResult> results, List<String> lines) { return List.of(new Effect.PublicComment("done")); }
        public S rejected(S.Waiting w, long id, String by, Instant at) { return new S.End("rejected by " + by); }
        public S expired(S.Waiting w, Instant at) { return new S.End("expired"); }
        public S notPosted(S.Waiting w, Instant at) { return new S.End("not posted"); }
        public S cancelled(S from, String agent, Instant at) { return new S.End("cancelled by " + agent); }
    }

    static final WorkflowSetting<Duration> TTL = ApprovalGate.approvalTtl("gate_test");
    static final ApprovalGate<S, S.Waiting, S.Running, S.Stopped> GATE = new ApprovalGate<>(S.Waiting.class, S.Running.class,
            S.Stopped.class, new Plug(), new ApprovalGate.Terms(TTL, ctx -> 2, 9, new GateWords("Gate test: ", " Start again.")));
    static final TransitionTable<S> TABLE = GATE.rows(TransitionTable.<S>builder()).build();
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final Plan plan = storedPlan();
    private final String hash = "h1";

    @Test
    void asking_puts_the_plan_before_as_many_approvers_as_asked_until_the_ttl() {
        Decision<S> d = GATE.ask(plan, Context.at(NOW), ask -> new S.Waiting(ask.plan(), ask.planHash(), null, ask.expiresAt()));
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

        assertThat(d.state()).isInstanceOfSatisfying(S.Running.class, x -> assertThat(x.run().step()).isEqualTo(1));
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
            state = TABLE.decide(state, new Event.EffectSucceeded(PlanRuns.keyOf(step, 1), Map.of()), asPredicted(plan, Map.of()),
                    Context.at(NOW)).state();
        }
        assertThat(state).isEqualTo(new S.End("done"));
    }

    /** What the billing account shows after the last step, and whether the plan counts as confirmed. */
    record Reread(String name, Map<Long, Optional<BillingAccount>> changed, boolean confirmed) {}

    static List<Reread> rereads() {
        Contact pat = new Contact("Pat", "Lee", "pat@acme.example", "1 Roadrunner Way, Phoenix, AZ 85001, US");
        Contact bo = new Contact("Bo", "Chan", "billing@acme.example", "1 Roadrunner Way, Phoenix, AZ 85001, US");
        BillingAccount acme = new BillingAccount(1001, "A00001001", "Acme Corp", pat, bo, null);
        return List.of(
                new Reread("as predicted", Map.of(), true),
                new Reread("the Sold To email in other letter case", Map.of(1001L, Optional.of(withSoldTo(acme,
                        new Contact("Pat", "Lee", "PAT@Acme.example", pat.address())))), true),
                new Reread("the Sold To address written differently", Map.of(1001L, Optional.of(withSoldTo(acme,
                        new Contact("Pat", "Lee", "pat@acme.example", "1 Roadrunner Way, Phoenix")))), true),
                new Reread("the Sold To is someone else", Map.of(1001L, Optional.of(withSoldTo(acme,
                        new Contact("Sam", "Diaz", "sam@acme.example", pat.address())))), false),
                new Reread("the Sold To has another name", Map.of(1001L, Optional.of(withSoldTo(acme,
                        new Contact("Patricia", "Lee", "pat@acme.example", pat.address())))), false),
                new Reread("the Bill To moved to the Sold To", Map.of(1001L, Optional.of(new BillingAccount(1001, "A00001001",
                        "Acme Corp", pat, pat, null))), false),
                new Reread("the Bill To is gone", Map.of(1001L, Optional.of(new BillingAccount(1001, "A00001001", "Acme Corp",
                        pat, null, null))), false),
                new Reread("another account of the plan changed", Map.of(1003L, Optional.of(new BillingAccount(1003, "A00003001",
                        "Initech", pat, pat, null))), false),
                new Reread("the billing account cannot be read", Map.of(1001L, Optional.empty()), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rereads")
    void the_last_step_is_confirmed_against_the_billing_account_or_handed_to_billing(Reread r) {
        S.Running last = running(plan, plan.changes().size(),
                PlanRuns.with(PlanRuns.notRun(plan), plan.changes().size(), StepResult.RUNNING));
        Event.EffectSucceeded event = new Event.EffectSucceeded(PlanRuns.keyOf(plan.changes().size(), 0), Map.of());
        assertThat(TABLE.factsNeeded(last, event)).containsExactlyInAnyOrder(new FactRequest.BillingAccountById(1001),
                new FactRequest.BillingAccountById(1003), new FactRequest.BillingAccountById(1005));

        Decision<S> d = TABLE.decide(last, event, asPredicted(plan, r.changed()), Context.at(NOW));

        List<String> tags = d.effects().stream().filter(Effect.AddTags.class::isInstance)
                .flatMap(e -> ((Effect.AddTags) e).tags().stream()).toList();
        List<Effect> posts = d.effects().stream().filter(Effect.SlackMessage.class::isInstance).toList();
        if (r.confirmed()) {
            assertThat(d.effects()).contains(new Effect.PublicComment("done"));
            assertThat(tags).isEmpty();
            assertThat(posts).isEmpty();
            return;
        }
        assertThat(d.effects()).noneMatch(Effect.PublicComment.class::isInstance);
        assertThat(tags).containsExactly("billing_handoff");
        assertThat(posts).singleElement().satisfies(p -> assertThat(((Effect.SlackMessage) p).text()).startsWith("Billing team: "));
        assertThat(notes(d)).singleElement().satisfies(n -> assertThat(n)
                .startsWith("Gate test: every step ran, but the billing account does not show what the plan predicted: ")
                .contains("Handed to the Billing team"));
        assertThat(d.effects()).filteredOn(Effect.UpdateApproval.class::isInstance).singleElement()
                .satisfies(u -> assertThat(((Effect.UpdateApproval) u).lines()).last().asString().startsWith("Not confirmed"));
    }

    @Test
    void the_billing_team_and_its_tag_are_settings() {
        S.Running last = running(plan, plan.changes().size(), PlanRuns.notRun(plan));
        Context ctx = new Context(NOW, Policy.defaults(), WorkflowSettings.defaults().with(BillingCheck.TEAM, "Billing Ops")
                .with(BillingCheck.TAG, "to_billing_ops"));
        Decision<S> d = TABLE.decide(last, new Event.EffectSucceeded(PlanRuns.keyOf(plan.changes().size(), 0), Map.of()),
                asPredicted(plan, Map.of(1001L, Optional.empty())), ctx);
        assertThat(d.effects()).contains(new Effect.AddTags(java.util.Set.of("to_billing_ops")));
        assertThat(notes(d)).singleElement().satisfies(n -> assertThat(n).contains("Handed to the Billing Ops team"));
    }

    @Test
    void a_confirmed_plan_that_kept_a_shared_bill_to_still_goes_to_billing_after_the_success_message() {
        List<dev.supportbot.workflows.plan.Evidence> evidence = new java.util.ArrayList<>(plan.evidence());
        evidence.add(new dev.supportbot.workflows.plan.Evidence(dev.supportbot.workflows.plan.Evidence.SHARED_BILL_TO, "kept"));
        Plan keeping = new Plan(plan.ticketId(), plan.purpose(), evidence, plan.facts(), plan.changes(), plan.goal());
        S.Running last = running(keeping, keeping.changes().size(), PlanRuns.notRun(keeping));

        Decision<S> d = TABLE.decide(last, new Event.EffectSucceeded(PlanRuns.keyOf(keeping.changes().size(), 0), Map.of()),
                asPredicted(keeping, Map.of()), Context.at(NOW));

        assertThat(d.state()).isEqualTo(new S.End("done"));
        assertThat(d.effects()).contains(new Effect.PublicComment("done"), new Effect.AddTags(java.util.Set.of("billing_handoff")));
        assertThat(d.effects()).filteredOn(Effect.SlackMessage.class::isInstance).singleElement()
                .satisfies(m -> assertThat(((Effect.SlackMessage) m).text()).startsWith("Billing team: ").contains("separate the two"));
    }

    /** The billing accounts of {@code plan} as its preview predicts them, but those in {@code changed}. */
    static Facts asPredicted(Plan plan, Map<Long, Optional<BillingAccount>> changed) {
        Facts.Builder facts = Facts.builder();
        for (BillingAccount a : plan.facts().accounts()) {
            var predicted = plan.preview().end().account(a.id());
            BillingAccount found = changed.containsKey(a.id()) ? changed.get(a.id()).orElse(null)
                    : new BillingAccount(a.id(), a.zuoraAccountId(), a.company(), predicted.soldTo(), predicted.billTo(), a.reseller());
            facts.put(new FactRequest.BillingAccountById(a.id()), found);
        }
        return facts.build();
    }

    private static BillingAccount withSoldTo(BillingAccount a, Contact soldTo) {
        return new BillingAccount(a.id(), a.zuoraAccountId(), a.company(), soldTo, a.billTo(), a.reseller());
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
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Gated$InGate");
    }

    private static Decision<S> send(S state, Event event) {
        return TABLE.decide(state, event, Facts.none(), Context.at(NOW));
    }

    private static List<String> notes(Decision<S> d) {
        return d.effects().stream().filter(Effect.PrivateNote.class::isInstance).map(e -> ((Effect.PrivateNote) e).body()).toList();
    }

    /** A real plan of several steps: the one stored in the golden fixture of add contact. */
    /** Approval 7 by one approver, step {@code step} running in round 0. */
    private S.Running running(Plan p, int step, List<StepResult> results) {
        return new S.Running(new Gated.Run(p, hash, 7, List.of("slack:UA"), step, 0, results));
    }

    private static Plan storedPlan() {
        ObjectMapper mapper = StoredTypes.of(Workflows.ALL).register(new ObjectMapper().registerModule(new JavaTimeModule()));
        try (var in = ApprovalGateTest.class.getResourceAsStream("/stored/states/add_contact/AwaitingApproval.json")) {
            return ((AddContactState.Gate) mapper.readValue(in, AddContactState.class)).plan();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
