package dev.supportbot.workflows.typofix;

import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Event.AgentCommand;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.Event.ReminderDue;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.SlashCommand;
import dev.supportbot.workflows.engine.TabledWorkflow;
import dev.supportbot.workflows.engine.TransitionTable;
import dev.supportbot.workflows.engine.WorkflowSetting;
import dev.supportbot.workflows.typofix.TypoFixState.AwaitingApproval;
import dev.supportbot.workflows.typofix.TypoFixState.AwaitingConfirmation;
import dev.supportbot.workflows.typofix.TypoFixState.Cancelled;
import dev.supportbot.workflows.typofix.TypoFixState.Checking;
import dev.supportbot.workflows.typofix.TypoFixState.Done;
import dev.supportbot.workflows.typofix.TypoFixState.Executing;
import dev.supportbot.workflows.typofix.TypoFixState.Expired;
import dev.supportbot.workflows.typofix.TypoFixState.Failed;
import dev.supportbot.workflows.typofix.TypoFixState.NothingToDo;
import dev.supportbot.workflows.typofix.TypoFixState.Open;
import dev.supportbot.workflows.typofix.TypoFixState.Planning;
import dev.supportbot.workflows.typofix.TypoFixState.Rejected;
import dev.supportbot.workflows.typofix.TypoFixState.Requested;
import dev.supportbot.workflows.typofix.TypoFixState.Stopped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fix a typo in a customer's email (the support handbook's "Fixing typos"), an account manager's internal
 * request: check that a cloud license's activation code is unused and that the mail to the mistyped address bounced,
 * put the bounce on the ticket, have the AM confirm the corrected address in writing, then an approved plan corrects
 * the customer and the Sold To and resends the license or code; last, the AM is asked to update the CRM. Every pair
 * not in the table is ignored.
 */
public final class TypoFix extends TabledWorkflow<TypoFixState> {
    public static final String KIND = "typo_fix";
    public static final String START_TAG = "supportbot_start_typo_fix";

    private static final TransitionTable<TypoFixState> TABLE = Approving.GATE.rows(TransitionTable.<TypoFixState>builder())
            //  state                      event                   facts needed             handler
            .on(Requested.class,            TicketUpdated.class,   Starting::factsOnStart,  Starting::start)
            .on(Checking.class,             EffectSucceeded.class, Checks::factsNeeded,     Checks::check)
            .on(Checking.class,             AgentCommand.class,                             Approving.GATE::cancel)
            .on(AwaitingConfirmation.class, TicketUpdated.class,                            Confirming::reply)
            .on(AwaitingConfirmation.class, ReminderDue.class,                              Confirming::remind)
            .on(AwaitingConfirmation.class, AgentCommand.class,                             Approving.GATE::cancel)
            .on(Planning.class,             EffectSucceeded.class, Proposing::factsNeeded,  Proposing::decide)
            .on(Planning.class,             AgentCommand.class,                             Approving.GATE::cancel)
            .on(AwaitingApproval.class,     TicketUpdated.class,                            Confirming::correctedWhileWaiting)
            // AwaitingApproval (but for the row above), Executing, Failed: the approval gate's rows (Approving.GATE).
            // Done, Stopped, NothingToDo, Rejected, Expired, Cancelled: final, no rows.
            .build();

    public TypoFix() {
        super(KIND, START_TAG, TypoFixState.class, new Requested(null), TABLE);
    }

    @Override
    public List<SlashCommand> slashCommands() {
        return List.of(
                SlashCommand.starting("typo-fix", "/lnr typo-fix TICKET WRONG_EMAIL",
                        "fix a mistyped customer email an account manager reported (checks, the AM's confirmation, then needs approval)", 1),
                SlashCommand.commanding("tf", "cancel", "/lnr tf cancel TICKET",
                        "stop fixing the email typo on a ticket (closes its approval)", Command.CANCEL));
    }

    @Override
    public List<WorkflowSetting<?>> settings() {
        return TypoFixSettings.ALL;
    }

    /** {@code /lnr typo-fix TICKET WRONG_EMAIL}: the one argument is the mistyped address. */
    @Override
    public Optional<TypoFixState> initialState(List<String> arguments) {
        if (arguments.isEmpty()) return Optional.of(initialState());
        if (arguments.size() != 1 || !Addresses.valid(arguments.get(0))) return Optional.empty();
        return Optional.of(new Requested(arguments.get(0).toLowerCase(Locale.ROOT)));
    }

    @Override
    public boolean finished(TypoFixState state) {
        return !(state instanceof Requested) && !(state instanceof Open);
    }

    @Override
    public Outcome outcome(TypoFixState state) {
        return Outcome.of(KIND, resultOf(state), finished(state), subscriptionOf(state), null);
    }

    private static String resultOf(TypoFixState state) {
        String gate = Gated.resultOf(state);
        if (gate != null) return gate;
        if (state instanceof Requested) return "started";
        if (state instanceof Checking) return "checking the activation code and the mail log";
        if (state instanceof AwaitingConfirmation) return "waiting for the account manager's confirmation";
        if (state instanceof Planning) return "planning";
        if (state instanceof Done) return "done";
        if (state instanceof Stopped s) return "stopped: " + s.why().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (state instanceof NothingToDo) return "nothing to do";
        if (state instanceof Rejected) return "rejected";
        if (state instanceof Expired) return "expired";
        if (state instanceof Cancelled) return "cancelled";
        throw new IllegalArgumentException("unknown state " + state);
    }

    private static String subscriptionOf(TypoFixState state) {
        if (state instanceof Checking c) return c.target().subscriptionName();
        if (state instanceof AwaitingConfirmation a) return a.target().subscriptionName();
        if (state instanceof Planning p) return p.target().subscriptionName();
        if (state instanceof AwaitingApproval a) return a.target().subscriptionName();
        if (state instanceof Executing x) return x.target().subscriptionName();
        if (state instanceof Failed f) return f.target().subscriptionName();
        if (state instanceof Done d) return d.subscriptionName();
        if (state instanceof Stopped s) return s.subscriptionName();
        if (state instanceof NothingToDo n) return n.subscriptionName();
        if (state instanceof Rejected r) return r.subscriptionName();
        if (state instanceof Expired e) return e.subscriptionName();
        return null;
    }

    /** The transition table, for tests and documentation. */
    static TransitionTable<TypoFixState> table() {
        return TABLE;
    }
}
