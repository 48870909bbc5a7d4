package dev.supportbot.workflows.approved;

import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Effect.UpdateApproval.Phase;
import dev.supportbot.workflows.engine.Event.AgentCommand;
import dev.supportbot.workflows.engine.Event.ApprovalDecided;
import dev.supportbot.workflows.engine.Event.EffectFailed;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.Event.ReminderDue;
import dev.supportbot.workflows.engine.Event.RetryRequested;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.TransitionTable;
import dev.supportbot.workflows.engine.WorkflowSetting;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.PlanJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The one way a workflow puts a plan before the approvers and runs it once approved: asking, the approval's id coming
 * back, the approvers' decision (on the plan held here only: same hash, and the same approval once its id is known),
 * the expiry, the steps one at a time (each a {@code RunPlanStep} whose result starts the next), a failed step waiting
 * for an approver's retry in a new round, and an agent's cancel. A workflow plugs in its own states ({@link Plug}),
 * words ({@link GateWords}) and settings ({@link Terms}); a fix to any of these transitions is made here, once.
 *
 * @param <S> the workflow's state type
 * @param <A> its state while the plan waits for the approvers ({@link Gated.InGate} in phase {@link Gated.Ask})
 * @param <X> its state while the approved plan runs (phase {@link Gated.Run})
 * @param <F> its state after a step failed (phase {@link Gated.Halt}); for most workflows A, X and F are one record
 */
public final class ApprovalGate<S, A extends S, X extends S, F extends S> {
    /** The key of the approval request, whose result names the approval. */
    public static final String APPROVAL_KEY = "approval";

    /** The states a workflow makes of the gate's steps; each keeps what only that workflow needs. */
    public interface Plug<S, A, X, F> {
        A withApprovalId(A waiting, long approvalId);

        /** The key of the approval request, whose result names the approval. */
        default String approvalKey(A waiting) {
            return APPROVAL_KEY;
        }

        /** The key of the running step's {@code RunPlanStep}. */
        default String stepKey(X running) {
            Gated.Run run = running(running);
            return PlanRuns.keyOf(run.step(), run.round());
        }

        /**
         * The executing state made of {@code run}: {@code from} is the waiting state (approved), the executing state (its
         * next step) or the failed state (a retry).
         */
        X executing(S from, Gated.Run run);

        /** The failed state made of {@code halt}, the running state's part with the failed step's result. */
        F failed(X running, Gated.Halt halt, String reason);

        /** Every step ran. */
        S done(X last, Instant at);

        /**
         * Every step ran but the billing account does not show what the plan predicted, so the ticket went to the
         * Billing team: the workflow's handed-to-billing state ({@link GatePlug}), or its done state when the run goes on
         * anyway (troubleshooting watches the ticket again).
         */
        default S unconfirmed(X last, Instant at) {
            return done(last, at);
        }

        /** What the workflow says when {@code run} is done, besides the approval message: its note, a public comment. */
        List<Effect> told(X last, Gated.Run run, List<StepResult> results, List<String> lines);

        S rejected(A waiting, long approvalId, String by, Instant at);

        S expired(A waiting, Instant at);

        /** The approval request could not be posted. */
        S notPosted(A waiting, Instant at);

        /** Any open state of the workflow, cancelled by {@code agent}. */
        S cancelled(S from, String agent, Instant at);
    }

    /**
     * How long a plan waits, how many approvers it needs, and the reminder sequence that expires it.
     *
     * @param approversNeeded how many different approvers a plan needs (at least 1)
     */
    public record Terms(WorkflowSetting<Duration> ttl, ToIntFunction<Context> approversNeeded, int expiryReminder, GateWords words) {}

    /** How long a plan of workflow {@code kind} waits for approval, e.g. {@code add_contact.approval_ttl}, 72 hours. */
    public static WorkflowSetting<Duration> approvalTtl(String kind) {
        return WorkflowSetting.duration(kind + ".approval_ttl", "BOT_" + kind.toUpperCase(Locale.ROOT) + "_APPROVAL_TTL", "72h",
                WorkflowSetting.named(kind) + ": how long a plan waits for approval before it expires, counted from the request");
    }

    /** The settings of a workflow that plugs in: the approval's TTL, the workflow's {@code own}, the Billing team's. */
    public static List<WorkflowSetting<?>> settings(WorkflowSetting<Duration> ttl, List<WorkflowSetting<?>> own) {
        List<WorkflowSetting<?>> all = new ArrayList<>(List.of(ttl));
        all.addAll(own);
        all.addAll(List.of(BillingCheck.TEAM, BillingCheck.TAG));
        return List.copyOf(all);
    }

    private final Class<A> awaiting;
    private final Class<X> executing;
    private final Class<F> failed;
    private final Plug<S, A, X, F> plug;
    private final Terms terms;
    private final GateWords words;

    public ApprovalGate(Class<A> awaiting, Class<X> executing, Class<F> failed, Plug<S, A, X, F> plug, Terms terms) {
        require(awaiting);
        require(executing);
        require(failed);
        this.awaiting = awaiting;
        this.executing = executing;
        this.failed = failed;
        this.plug = plug;
        this.terms = terms;
        this.words = terms.words();
    }

    /** The gate of a workflow with one gate state {@code G} ({@link Gated.InGate}) for every phase. */
    public static <S, G extends S> ApprovalGate<S, G, G, G> of(Class<G> gate, Plug<S, G, G, G> plug, Terms terms) {
        return new ApprovalGate<>(gate, gate, gate, plug, terms);
    }

    /** The gate's rows of the workflow's transition table, an agent's cancel ({@link #cancel}) included. */
    public TransitionTable.Builder<S> rows(TransitionTable.Builder<S> table) {
        return rowsWithoutCancel(table)
                .on(awaiting,  Gated.Ask.class,  AgentCommand.class,    this::cancel)
                .on(executing, Gated.Run.class,  AgentCommand.class,    this::cancel)
                .on(failed,    Gated.Halt.class, AgentCommand.class,    this::cancel);
    }

    /** The gate's rows, and an agent's cancel in each of the workflow's own open states {@code before} the gate. */
    @SafeVarargs
    public final TransitionTable.Builder<S> rows(TransitionTable.Builder<S> table, Class<? extends S>... before) {
        for (Class<? extends S> open : before) cancellable(table, open);
        return rows(table);
    }

    private <T extends S> void cancellable(TransitionTable.Builder<S> table, Class<T> open) {
        table.on(open, AgentCommand.class, this::cancel);
    }

    /** The gate's rows but an agent's commands, for a workflow that handles those itself. */
    public TransitionTable.Builder<S> rowsWithoutCancel(TransitionTable.Builder<S> table) {
        return table
                .on(awaiting,  Gated.Ask.class,  EffectSucceeded.class, this::requested)
                .on(awaiting,  Gated.Ask.class,  EffectFailed.class,    this::requestFailed)
                .on(awaiting,  Gated.Ask.class,  ApprovalDecided.class, this::decided)
                .on(awaiting,  Gated.Ask.class,  ReminderDue.class,     this::expire)
                .on(executing, Gated.Run.class,  EffectSucceeded.class, this::confirmationReads, this::stepDone)
                .on(executing, Gated.Run.class,  EffectFailed.class,    this::stepFailed)
                .on(failed,    Gated.Halt.class, RetryRequested.class,  this::retry);
    }

    /**
     * Puts {@code plan} before the approvers: the workflow's waiting state (made of the gate's part of it),
     * the request, the note on the ticket and the reminder that expires it.
     */
    public Decision<S> ask(Plan plan, Context ctx, Function<Gated.Ask, A> waiting) {
        Duration ttl = ctx.setting(terms.ttl());
        int approvers = terms.approversNeeded().applyAsInt(ctx);
        Instant expiresAt = ctx.now().plus(ttl);
        return Decision.of(waiting.apply(new Gated.Ask(plan, PlanJson.hash(plan), null, expiresAt)),
                new Effect.RequestApproval(APPROVAL_KEY, plan, approvers, ttl),
                new Effect.PrivateNote(words.planWaiting(plan, approvers, expiresAt)),
                new Effect.ScheduleReminder(terms.expiryReminder(), ttl));
    }

    // ---- waiting for the approvers

    Decision<S> requested(A s, EffectSucceeded e, Facts facts, Context ctx) {
        if (!plug.approvalKey(s).equals(e.effectKey()) || waiting(s).approvalId() != null) return Decision.unchanged(s);
        String id = e.result().get(Effect.RequestApproval.APPROVAL_ID);
        if (id == null || !id.trim().matches("\\d{1,18}")) return notPosted(s, "no approval id in the result", ctx);
        return Decision.of(plug.withApprovalId(s, Long.parseLong(id.trim())));
    }

    Decision<S> requestFailed(A s, EffectFailed e, Facts facts, Context ctx) {
        if (!plug.approvalKey(s).equals(e.effectKey()) || waiting(s).approvalId() != null) return Decision.unchanged(s);
        return notPosted(s, e.reason(), ctx);
    }

    /**
     * Acts only on the plan held here. The id is checked when known; a decision that comes before the approval's id
     * (the bot queues both) is recognised by the plan's hash alone, which names this ticket's exact plan.
     */
    Decision<S> decided(A s, ApprovalDecided e, Facts facts, Context ctx) {
        Gated.Ask w = waiting(s);
        if (!w.planHash().equals(e.planHash())) return Decision.unchanged(s);
        if (w.approvalId() != null && w.approvalId() != e.approvalId()) return Decision.unchanged(s);
        if (e.approved()) {
            if (e.approvers().isEmpty()) return Decision.unchanged(s);
            List<StepResult> results = PlanRuns.with(PlanRuns.notRun(w.plan()), 1, StepResult.RUNNING);
            X next = plug.executing(s, new Gated.Run(w.plan(), w.planHash(), e.approvalId(), e.approvers(), 1, 0, results));
            return Decision.of(next, new Effect.CancelReminders(), progress(next), runStep(next));
        }
        String by = e.approvers().isEmpty() ? "an approver" : String.join(", ", e.approvers());
        return Decision.of(plug.rejected(s, e.approvalId(), by, ctx.now()),
                new Effect.CancelReminders(),
                new Effect.UpdateApproval(e.approvalId(), Phase.REJECTED, List.of(words.rejectedLine(by, e.reason())), null),
                new Effect.PrivateNote(words.rejected(by, e.reason())));
    }

    Decision<S> expire(A s, ReminderDue e, Facts facts, Context ctx) {
        Gated.Ask w = waiting(s);
        if (e.sequence() != terms.expiryReminder()) return Decision.unchanged(s);
        boolean early = w.expiresAt() != null && ctx.now().isBefore(w.expiresAt().minus(ctx.policy().clockSkew()));
        if (early) return Decision.unchanged(s);
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.CancelReminders());
        if (w.approvalId() != null) {
            effects.add(new Effect.UpdateApproval(w.approvalId(), Phase.EXPIRED, List.of(words.expiredLine()), null));
        }
        effects.add(new Effect.PrivateNote(words.approvalExpired(ctx.setting(terms.ttl()))));
        return Decision.of(plug.expired(s, ctx.now()), effects);
    }

    private Decision<S> notPosted(A s, String reason, Context ctx) {
        return Decision.of(plug.notPosted(s, ctx.now()), new Effect.CancelReminders(), new Effect.PrivateNote(words.notPosted(reason)));
    }

    // ---- running the approved plan

    /** After the last step, the billing accounts are read again to confirm the plan ({@link BillingCheck}). */
    List<FactRequest<?>> confirmationReads(X s, EffectSucceeded e) {
        Gated.Run x = running(s);
        boolean last = plug.stepKey(s).equals(e.effectKey()) && x.step() == x.plan().changes().size();
        return last ? BillingCheck.reads(x.plan()) : List.of();
    }

    Decision<S> stepDone(X s, EffectSucceeded e, Facts facts, Context ctx) {
        Gated.Run x = running(s);
        if (!plug.stepKey(s).equals(e.effectKey())) return Decision.unchanged(s);
        boolean already = "true".equalsIgnoreCase(e.result().get(Effect.RunPlanStep.ALREADY_DONE));
        List<StepResult> results = PlanRuns.with(x.results(), x.step(), already ? StepResult.ALREADY_DONE : StepResult.DONE);
        if (x.step() < x.plan().changes().size()) {
            results = PlanRuns.with(results, x.step() + 1, StepResult.RUNNING);
            X next = plug.executing(s, new Gated.Run(x.plan(), x.planHash(), x.approvalId(), x.approvers(), x.step() + 1, x.round(), results));
            return Decision.of(next, progress(next), runStep(next));
        }
        List<String> lines = PlanRuns.lines(x.plan(), results);
        List<String> differences = BillingCheck.differences(x.plan(), facts);
        if (!differences.isEmpty()) return handOffToBilling(s, lines, differences, ctx);
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.UpdateApproval(x.approvalId(), Phase.DONE, lines, null));
        effects.addAll(plug.told(s, x, results, lines));
        if (BillingCheck.forBillingAfterwards(x.plan())) {
            effects.add(new Effect.AddTags(Set.of(ctx.setting(BillingCheck.TAG))));
            effects.add(new Effect.SlackMessage(words.separateBillTo(ctx.setting(BillingCheck.TEAM))));
        }
        return Decision.of(plug.done(s, ctx.now()), effects);
    }

    /**
     * Every step ran but the billing account does not show what the plan predicted: the customer is told nothing, and
     * the Billing team gets the ticket (its tag) and a post in Slack.
     */
    private Decision<S> handOffToBilling(X s, List<String> lines, List<String> differences, Context ctx) {
        Gated.Run x = running(s);
        String team = ctx.setting(BillingCheck.TEAM);
        List<String> approvalLines = new ArrayList<>(lines);
        approvalLines.add(words.unconfirmedLine(team));
        return Decision.of(plug.unconfirmed(s, ctx.now()),
                new Effect.UpdateApproval(x.approvalId(), Phase.DONE, approvalLines, null),
                new Effect.PrivateNote(words.unconfirmed(team, differences, lines)),
                new Effect.AddTags(Set.of(ctx.setting(BillingCheck.TAG))),
                new Effect.SlackMessage(words.billingPost(team, differences)));
    }

    Decision<S> stepFailed(X s, EffectFailed e, Facts facts, Context ctx) {
        Gated.Run x = running(s);
        if (!plug.stepKey(s).equals(e.effectKey())) return Decision.unchanged(s);
        List<StepResult> results = PlanRuns.with(x.results(), x.step(), StepResult.FAILED);
        int steps = x.plan().changes().size();
        String reason = e.reason() == null || e.reason().isBlank() ? "no reason given" : e.reason();
        List<String> lines = new ArrayList<>(PlanRuns.lines(x.plan(), results));
        lines.add(words.failedLine(x.step(), steps, reason));
        Gated.Halt halt = new Gated.Halt(x.plan(), x.planHash(), x.approvalId(), x.approvers(), x.step(), x.round(), results);
        return Decision.of(plug.failed(s, halt, reason),
                new Effect.UpdateApproval(x.approvalId(), Phase.FAILED, lines, x.step()),
                new Effect.PrivateNote(words.failed(x.step(), steps, reason, PlanRuns.lines(x.plan(), results))));
    }

    Decision<S> retry(F s, RetryRequested e, Facts facts, Context ctx) {
        Gated.Halt f = (Gated.Halt) ((Gated.InGate) s).phase();
        if (e.approvalId() != f.approvalId() || e.fromStep() != f.failedStep()) return Decision.unchanged(s);
        List<StepResult> results = PlanRuns.with(f.results(), f.failedStep(), StepResult.RUNNING);
        X next = plug.executing(s, new Gated.Run(f.plan(), f.planHash(), f.approvalId(), f.approvers(), f.failedStep(), f.round() + 1, results));
        String approver = e.approver() == null || e.approver().isBlank() ? "an approver" : e.approver();
        return Decision.of(next, progress(next), new Effect.PrivateNote(words.retrying(f.failedStep(), approver)), runStep(next));
    }

    // ---- any open state of the workflow

    /** An agent's cancel: the run ends, its reminders stop and an open approval is closed. */
    public Decision<S> cancel(S s, AgentCommand c, Facts facts, Context ctx) {
        if (!Command.CANCEL.equals(c.command())) return Decision.unchanged(s);
        String agent = c.agent() == null || c.agent().isBlank() ? "an agent" : c.agent();
        Long approvalId = Gated.approvalOf(s);
        Integer running = s instanceof Gated.InGate g && g.phase() instanceof Gated.Run x ? x.step() : null;
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.CancelReminders());
        if (approvalId != null) {
            effects.add(new Effect.UpdateApproval(approvalId, Phase.CANCELLED, List.of(words.cancelledLine(agent)), null));
        }
        effects.add(new Effect.PrivateNote(words.cancelled(agent, running)));
        return Decision.of(plug.cancelled(s, agent, ctx.now()), effects);
    }

    private Effect.UpdateApproval progress(X next) {
        Gated.Run x = running(next);
        return PlanRuns.progress(x.plan(), x.approvalId(), x.results());
    }

    private Effect.RunPlanStep runStep(X next) {
        Gated.Run x = running(next);
        return PlanRuns.runStep(plug.stepKey(next), x.plan(), x.approvalId(), x.step(), x.round());
    }

    private static Gated.Ask waiting(Object state) {
        return (Gated.Ask) ((Gated.InGate) state).phase();
    }

    private static Gated.Run running(Object state) {
        return (Gated.Run) ((Gated.InGate) state).phase();
    }

    private static void require(Class<?> state) {
        if (!Gated.InGate.class.isAssignableFrom(state)) {
            throw new IllegalArgumentException(state.getName() + " must implement " + Gated.InGate.class.getName() + " to pass the approval gate");
        }
    }
}
