package dev.supportbot.bot.runs;

import dev.supportbot.bot.approvals.Approval;
import dev.supportbot.bot.approvals.ApprovalStore;
import dev.supportbot.bot.engine.InstanceStore;
import dev.supportbot.bot.engine.WorkflowJson;
import dev.supportbot.workflows.engine.Workflow;
import dev.supportbot.workflows.engine.WorkflowRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/** Reads workflow runs and pending approvals for {@code /lnr status} and {@code /lnr pending}. */
public final class Runs {
    private final WorkflowRegistry workflows;
    private final WorkflowJson json;
    private final InstanceStore instances;
    private final ApprovalStore approvals;
    private final LongFunction<Optional<Instant>> nextReminder;

    Runs(WorkflowRegistry workflows, WorkflowJson json, InstanceStore instances, ApprovalStore approvals,
            LongFunction<Optional<Instant>> nextReminder) {
        this.workflows = workflows;
        this.json = json;
        this.instances = instances;
        this.approvals = approvals;
        this.nextReminder = nextReminder;
    }

    /** Every run on the ticket, newest first; runs of a kind no longer registered are left out. */
    public List<RunView> onTicket(long ticketId) {
        return instances.runsOn(ticketId).stream().flatMap(r -> view(r).stream()).toList();
    }

    /** Every running instance, the longest in its state first. */
    public List<RunView> running() {
        return instances.allRunning().stream().flatMap(r -> view(r).stream()).toList();
    }

    public List<Approval> pendingApprovals() {
        return approvals.pending();
    }

    private Optional<RunView> view(InstanceStore.Run run) {
        return workflows.forKind(run.instance().kind()).map(w -> view(w, run));
    }

    private <S> RunView view(Workflow<S> workflow, InstanceStore.Run run) {
        S state = json.read(run.instance().stateJson(), workflow.stateType());
        boolean running = !run.instance().finished();
        return new RunView(run.instance(), workflow.outcome(state), running ? workflow.waitingOn(state) : Optional.empty(),
                run.stateSince(), running ? nextReminder.apply(run.instance().id()) : Optional.empty());
    }
}
