package dev.supportbot.workflows.addcontact;

import dev.supportbot.workflows.addcontact.AddContactState.AwaitingAnswer;
import dev.supportbot.workflows.addcontact.AddContactState.AwaitingOwnership;
import dev.supportbot.workflows.addcontact.AddContactState.AwaitingSignUp;
import dev.supportbot.workflows.addcontact.AddContactState.Planning;
import dev.supportbot.workflows.addcontact.AddContactState.Requested;
import dev.supportbot.workflows.approved.GatedWorkflow;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.Event.ReminderDue;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.Event.WorkflowFinished;
import dev.supportbot.workflows.engine.SlashCommand;
import dev.supportbot.workflows.engine.TransitionTable;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import java.util.List;

/**
 * Add a subscription management contact (docs/handbook.md; handbook "Add subscription management contact"): once
 * ownership is verified on the ticket, plan the requester's membership of the subscription's billing account, put the
 * plan before an approver, and run it step by step. The first workflow that changes the portal, and only through an
 * approved plan. Every pair not in the table is ignored.
 */
public final class AddContact extends GatedWorkflow<AddContactState> {
    public static final String KIND = "add_contact";
    public static final String START_TAG = "supportbot_start_add_contact";

    private static final TransitionTable<AddContactState> TABLE = Approving.GATE.rows(TransitionTable.<AddContactState>builder(),
                    AwaitingOwnership.class, Planning.class, AwaitingAnswer.class, AwaitingSignUp.class)
            //  state                   event                    facts needed             handler
            .on(Requested.class,         TicketUpdated.class,    Starting::factsOnStart,  Starting::start)
            .on(AwaitingOwnership.class, WorkflowFinished.class,                          Starting::ownershipFinished)
            .on(Planning.class,          EffectSucceeded.class,  Proposing::factsNeeded,  Proposing::decide)
            .on(AwaitingAnswer.class,    TicketUpdated.class,                             Answers::reply)
            .on(AwaitingAnswer.class,    ReminderDue.class,                               Answers::remind)
            .on(AwaitingSignUp.class,    TicketUpdated.class,    SignUp::factsNeeded,     SignUp::reply)
            .on(AwaitingSignUp.class,    ReminderDue.class,      SignUp::factsNeeded,     SignUp::remind)
            // An agent's cancel in the open states above, and the Gate in every phase: the approval gate's rows
            // (Approving.GATE).
            // Done, GateEnd, NotVerified, Declined, NothingToDo, NeedsHuman, Expired: final, no rows.
            .build();

    public AddContact() {
        super(KIND, START_TAG, AddContactState.class, new Requested(), TABLE,
                AddContactSettings.ALL, List.of(OwnershipVerification.KIND),
                SlashCommand.starting("add-contact", "/lnr add-contact TICKET",
                        "add the ticket's requester as a subscription management contact (ownership verified first; needs approval)"),
                cancelling("ac", "adding the contact"));
    }

    @Override
    protected boolean waitsForRequester(AddContactState state) {
        return state instanceof AwaitingAnswer || state instanceof AwaitingSignUp;
    }

    @Override
    protected String ownResult(AddContactState state) {
        return state instanceof AwaitingSignUp ? "waiting for the requester's portal account" : null;
    }

    /** The transition table, for tests and documentation. */
    static TransitionTable<AddContactState> table() {
        return TABLE;
    }
}
