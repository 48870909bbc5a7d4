package dev.supportbot.workflows.troubleshooting;

import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.Event.AgentCommand;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.TransitionTable;
import dev.supportbot.workflows.engine.WaitingOn;
import dev.supportbot.workflows.engine.Workflow;
import dev.supportbot.workflows.engine.WorkflowSetting;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.AwaitingApproval;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.Closed;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.Executing;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.FixFailed;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.Planning;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.Requested;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.Watching;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * License troubleshooting (docs/handbook.md; handbook "License Troubleshooting"): from its start tag until the ticket is
 * closed or an agent cancels it, every new requester comment is read for the two registration errors. Users over the
 * limit: a note with the numbers, the suggestion and a drafted public reply (the bot never sends it). A true-up
 * mismatch: a note with the numbers and the customer's last license, and a plan to duplicate that license with the
 * true-up corrected, executed only once approved. Anything else: a note that no known error was found.
 */
public final class LicenseTroubleshooting implements Workflow<TroubleshootingState> {
    public static final String KIND = "license_troubleshooting";
    public static final String START_TAG = "supportbot_start_license_troubleshooting";
    public static final WorkflowSetting<Duration> APPROVAL_TTL = WorkflowSetting.duration("license_troubleshooting.approval_ttl",
            "BOT_LICENSE_TROUBLESHOOTING_APPROVAL_TTL", "72h",
            "license troubleshooting: how long approvers have to decide on a true-up fix before it expires and nothing is changed");

    private static final TransitionTable<TroubleshootingState> TABLE = TrueUpApproving.GATE.rowsWithoutCancel(TransitionTable.<TroubleshootingState>builder())
            //  state                  event                  facts needed                        handler
            .on(Requested.class,        TicketUpdated.class,   Diagnosing::factsOnStart,           Diagnosing::start)
            .on(Watching.class,         TicketUpdated.class,   Diagnosing::factsWhileRunning,      Diagnosing::whileRunning)
            .on(Watching.class,         AgentCommand.class,                                        TrueUpFixing::command)
            .on(Planning.class,         TicketUpdated.class,   Diagnosing::factsWhileRunning,      Diagnosing::whileRunning)
            .on(Planning.class,         EffectSucceeded.class, TrueUpFixing::factsToPlan,          TrueUpFixing::plan)
            .on(Planning.class,         AgentCommand.class,                                        TrueUpFixing::command)
            .on(AwaitingApproval.class, TicketUpdated.class,   Diagnosing::factsWhileRunning,      Diagnosing::whileRunning)
            .on(AwaitingApproval.class, AgentCommand.class,                                        TrueUpFixing::command)
            .on(Executing.class,        TicketUpdated.class,   Diagnosing::factsWhileRunning,      Diagnosing::whileRunning)
            .on(FixFailed.class,        TicketUpdated.class,   Diagnosing::factsWhileRunning,      Diagnosing::whileRunning)
            .on(FixFailed.class,        AgentCommand.class,                                        TrueUpFixing::command)
            // AwaitingApproval, Executing, FixFailed: also the approval gate's rows, but an agent's cancel.
            // Closed: final, no rows. Executing takes no cancel: its step is let finish so the result is noted.
            .build();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String startTag() {
        return START_TAG;
    }

    @Override
    public List<WorkflowSetting<?>> settings() {
        return List.of(APPROVAL_TTL);
    }

    @Override
    public Class<TroubleshootingState> stateType() {
        return TroubleshootingState.class;
    }

    @Override
    public TroubleshootingState initialState() {
        return new Requested();
    }

    @Override
    public List<FactRequest<?>> factsNeeded(TroubleshootingState state, Event event) {
        return TABLE.factsNeeded(state, event);
    }

    @Override
    public Decision<TroubleshootingState> decide(TroubleshootingState state, Event event, Facts facts, Context ctx) {
        return TABLE.decide(state, event, facts, ctx);
    }

    @Override
    public Outcome outcome(TroubleshootingState state) {
        String result = state instanceof Closed ? "closed"
                : state instanceof Watching ? "reading the requester's comments"
                : state instanceof Planning ? "planning a true-up fix"
                : state instanceof AwaitingApproval ? "true-up fix awaiting approval"
                : state instanceof Executing ? "true-up fix running"
                : state instanceof FixFailed ? "true-up fix failed"
                : "started";
        Map<String, String> details = state instanceof TroubleshootingState.Running r && !(r instanceof Watching)
                ? Map.of("license", String.valueOf(TrueUpFixing.fixOf(r).licenseId())) : Map.of();
        return new Outcome(KIND, result, finished(state), details);
    }

    @Override
    public Optional<WaitingOn> waitingOn(TroubleshootingState state) {
        if (state instanceof Watching) return Optional.of(WaitingOn.REQUESTER);
        if (state instanceof AwaitingApproval || state instanceof FixFailed) return Optional.of(WaitingOn.APPROVER);
        return Optional.empty();
    }

    @Override
    public boolean finished(TroubleshootingState state) {
        return state instanceof Closed;
    }

    /** The transition table, for tests. */
    static TransitionTable<TroubleshootingState> table() {
        return TABLE;
    }
}
