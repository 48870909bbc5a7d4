package dev.supportbot.workflows.changecontact;

import dev.supportbot.workflows.changecontact.ChangeContactState.AwaitingAnswer;
import dev.supportbot.workflows.changecontact.ChangeContactState.AwaitingOwnership;
import dev.supportbot.workflows.changecontact.ChangeContactState.AwaitingSelfService;
import dev.supportbot.workflows.changecontact.ChangeContactState.Done;
import dev.supportbot.workflows.changecontact.ChangeContactState.Planning;
import dev.supportbot.workflows.changecontact.ChangeContactState.Requested;
import dev.supportbot.workflows.approved.GatedWorkflow;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Event.AgentCommand;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.Event.ReminderDue;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.Event.WorkflowFinished;
import dev.supportbot.workflows.engine.SlashCommand;
import dev.supportbot.workflows.engine.TransitionTable;
import dev.supportbot.workflows.engine.WorkflowSettings;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Change the subscription management contact (docs/handbook.md; handbook "Change subscription management contact
 * workflow"): self-service first (instructions to the requester, then a check that the Sold To is their portal
 * account, with an "update Sold To" plan when it is not); support-assisted when the portal said "Email has already
 * been taken" or an agent rules self-service out: ownership verified first, then one plan for the existing or the
 * non-existing user (an existing user who manages another billing account is asked first whether to leave it), run
 * only once enough approvers approved it. Every pair not in the table is ignored.
 */
public final class ChangeContact extends GatedWorkflow<ChangeContactState> {
    public static final String KIND = "change_contact";
    public static final String START_TAG = "supportbot_start_change_contact";
    /** The agent's tag for "the requester says the self-service change is done". */
    public static final String SELF_SERVICE_DONE_TAG = "supportbot_cc_self_service";
    static final Command ASSIST = new Command("assist");
    static final Command CHECK = new Command("check");
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private static final TransitionTable<ChangeContactState> TABLE = Approving.GATE.rows(TransitionTable.<ChangeContactState>builder(),
                    AwaitingOwnership.class, Planning.class, AwaitingAnswer.class)
            //  state                     event                   facts needed               handler
            .on(Requested.class,           TicketUpdated.class,   Starting::factsOnStart,    Starting::start)
            .on(AwaitingSelfService.class, TicketUpdated.class,   Starting::factsOnReply,    Starting::reply)
            .on(AwaitingSelfService.class, ReminderDue.class,                                Starting::remind)
            .on(AwaitingSelfService.class, AgentCommand.class,    Starting::factsOnCommand,  Starting::command)
            .on(AwaitingOwnership.class,   WorkflowFinished.class,                           Starting::ownershipFinished)
            .on(Planning.class,            EffectSucceeded.class, Proposing::factsNeeded,    Proposing::decide)
            .on(AwaitingAnswer.class,      TicketUpdated.class,                              Answers::reply)
            .on(AwaitingAnswer.class,      ReminderDue.class,                                Answers::remind)
            // An agent's cancel in AwaitingOwnership, Planning and AwaitingAnswer, and the Gate in every phase: the
            // approval gate's rows (Approving.GATE).
            // Done, GateEnd, NotVerified, Declined, NeedsHuman, Expired: final, no rows.
            .build();

    public ChangeContact() {
        super(KIND, START_TAG, ChangeContactState.class, new Requested(null), TABLE,
                ChangeContactSettings.ALL, List.of(OwnershipVerification.KIND),
                SlashCommand.starting("change-contact", "/lnr change-contact TICKET",
                        "change the subscription management contact to the ticket's requester (self-service first; a"
                                + " support-assisted change needs ownership verified and approval)"),
                SlashCommand.starting("remove-membership", "/lnr remove-membership TICKET EMAIL",
                        "remove the person with the email given from the billing account of the subscription verified on the"
                                + " ticket (ownership verified first; needs approval; warns when it is the last membership)", 1),
                SlashCommand.commanding("cc", "assist", "/lnr cc assist TICKET",
                        "self-service is ruled out: verify ownership and plan the change for the requester", ASSIST),
                SlashCommand.commanding("cc", "check", "/lnr cc check TICKET",
                        "the requester says the self-service change is done: check the Sold To", CHECK),
                cancelling("cc", "changing the contact"));
    }

    @Override
    public Map<String, Command> commandTags() {
        return Map.of(SELF_SERVICE_DONE_TAG, CHECK);
    }

    @Override
    public void checkSettings(WorkflowSettings settings) {
        ChangeContactSettings.check(settings);
    }

    /** {@code /lnr remove-membership TICKET EMAIL}: the one argument is the member's address. */
    @Override
    public Optional<ChangeContactState> initialState(List<String> arguments) {
        if (arguments.isEmpty()) return Optional.of(initialState());
        if (arguments.size() != 1 || !EMAIL.matcher(arguments.get(0)).matches()) return Optional.empty();
        return Optional.of(new Requested(arguments.get(0).toLowerCase(java.util.Locale.ROOT)));
    }

    @Override
    protected boolean waitsForRequester(ChangeContactState state) {
        return state instanceof AwaitingSelfService || state instanceof AwaitingAnswer;
    }

    @Override
    protected String ownResult(ChangeContactState state) {
        if (state instanceof AwaitingSelfService) return "waiting for the requester's self-service change";
        if (state instanceof Done d) return "done (" + d.path().words() + ")";
        return null;
    }

    /** A done change keeps its approval, if it needed one. */
    @Override
    protected Long approvalOf(ChangeContactState state) {
        return state instanceof Done d ? d.approvalId() : super.approvalOf(state);
    }

    /** The transition table, for tests and documentation. */
    static TransitionTable<ChangeContactState> table() {
        return TABLE;
    }
}
