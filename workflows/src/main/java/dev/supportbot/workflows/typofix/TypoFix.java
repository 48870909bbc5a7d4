package dev.supportbot.workflows.typofix;

import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.approved.GatedWorkflow;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.Event.ReminderDue;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.SlashCommand;
import dev.supportbot.workflows.engine.TransitionTable;
import dev.supportbot.workflows.typofix.TypoFixState.Gate;
import dev.supportbot.workflows.typofix.TypoFixState.AwaitingConfirmation;
import dev.supportbot.workflows.typofix.TypoFixState.Checking;
import dev.supportbot.workflows.typofix.TypoFixState.Planning;
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
public final class TypoFix extends GatedWorkflow<TypoFixState> {
    public static final String KIND = "typo_fix";
    public static final String START_TAG = "supportbot_start_typo_fix";

    private static final TransitionTable<TypoFixState> TABLE = Approving.GATE.rows(TransitionTable.<TypoFixState>builder(),
                    Checking.class, AwaitingConfirmation.class, Planning.class)
            //  state                      event                   facts needed             handler
            .on(Requested.class,            TicketUpdated.class,   Starting::factsOnStart,  Starting::start)
            .on(Checking.class,             EffectSucceeded.class, Checks::factsNeeded,     Checks::check)
            .on(AwaitingConfirmation.class, TicketUpdated.class,                            Confirming::reply)
            .on(AwaitingConfirmation.class, ReminderDue.class,                              Confirming::remind)
            .on(Planning.class,             EffectSucceeded.class, Proposing::factsNeeded,  Proposing::decide)
            // The AM corrects the address while the plan waits: the plan is withdrawn.
            .on(Gate.class, Gated.Ask.class, TicketUpdated.class,                           Confirming::correctedWhileWaiting)
            // An agent's cancel in Checking, AwaitingConfirmation and Planning, and the Gate in every phase: the approval
            // gate's rows (Approving.GATE).
            // Done, GateEnd, Stopped, NothingToDo, Expired: final, no rows.
            .build();

    public TypoFix() {
        super(KIND, START_TAG, TypoFixState.class, new Requested(null), TABLE,
                TypoFixSettings.ALL, List.of(),
                SlashCommand.starting("typo-fix", "/lnr typo-fix TICKET WRONG_EMAIL",
                        "fix a mistyped customer email an account manager reported (checks, the AM's confirmation, then needs approval)", 1),
                cancelling("tf", "fixing the email typo"));
    }

    /** {@code /lnr typo-fix TICKET WRONG_EMAIL}: the one argument is the mistyped address. */
    @Override
    public Optional<TypoFixState> initialState(List<String> arguments) {
        if (arguments.isEmpty()) return Optional.of(initialState());
        if (arguments.size() != 1 || !Addresses.valid(arguments.get(0))) return Optional.empty();
        return Optional.of(new Requested(arguments.get(0).toLowerCase(Locale.ROOT)));
    }

    @Override
    protected String ownResult(TypoFixState state) {
        if (state instanceof Checking) return "checking the activation code and the mail log";
        if (state instanceof AwaitingConfirmation) return "waiting for the account manager's confirmation";
        if (state instanceof Stopped s) return "stopped: " + s.why().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return null;
    }

    /** The account manager who owes the confirmation is the ticket's requester. */
    @Override
    protected boolean waitsForRequester(TypoFixState state) {
        return state instanceof AwaitingConfirmation;
    }

    /** The transition table, for tests and documentation. */
    static TransitionTable<TypoFixState> table() {
        return TABLE;
    }
}
