package dev.supportbot.workflows.addcontact;

import dev.supportbot.workflows.addcontact.AddContactState.AwaitingAnswer;
import dev.supportbot.workflows.addcontact.AddContactState.AwaitingApproval;
import dev.supportbot.workflows.addcontact.AddContactState.AwaitingOwnership;
import dev.supportbot.workflows.addcontact.AddContactState.AwaitingSignUp;
import dev.supportbot.workflows.addcontact.AddContactState.Cancelled;
import dev.supportbot.workflows.addcontact.AddContactState.Declined;
import dev.supportbot.workflows.addcontact.AddContactState.Done;
import dev.supportbot.workflows.addcontact.AddContactState.Expired;
import dev.supportbot.workflows.addcontact.AddContactState.Executing;
import dev.supportbot.workflows.addcontact.AddContactState.Failed;
import dev.supportbot.workflows.addcontact.AddContactState.NeedsHuman;
import dev.supportbot.workflows.addcontact.AddContactState.NotVerified;
import dev.supportbot.workflows.addcontact.AddContactState.NothingToDo;
import dev.supportbot.workflows.addcontact.AddContactState.Open;
import dev.supportbot.workflows.addcontact.AddContactState.Planning;
import dev.supportbot.workflows.addcontact.AddContactState.Rejected;
import dev.supportbot.workflows.addcontact.AddContactState.Requested;
import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Event.AgentCommand;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.Event.ReminderDue;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.Event.WorkflowFinished;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.SlashCommand;
import dev.supportbot.workflows.engine.TabledWorkflow;
import dev.supportbot.workflows.engine.TransitionTable;
import dev.supportbot.workflows.engine.WaitingOn;
import dev.supportbot.workflows.engine.WorkflowSetting;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import java.util.List;
import java.util.Optional;

/**
 * Add a subscription management contact (docs/handbook.md; handbook "Add subscription management contact"): once
 * ownership is verified on the ticket, plan the requester's membership of the subscription's billing account, put the
 * plan before an approver, and run it step by step. The first workflow that changes the portal, and only through an
 * approved plan. Every pair not in the table is ignored.
 */
public final class AddContact extends TabledWorkflow<AddContactState> {
    public static final String KIND = "add_contact";
    public static final String START_TAG = "supportbot_start_add_contact";

    private static final TransitionTable<AddContactState> TABLE = Approving.GATE.rows(TransitionTable.<AddContactState>builder())
            //  state                   event                    facts needed             handler
            .on(Requested.class,         TicketUpdated.class,    Starting::factsOnStart,  Starting::start)
            .on(AwaitingOwnership.class, WorkflowFinished.class,                          Starting::ownershipFinished)
            .on(AwaitingOwnership.class, AgentCommand.class,                              Approving.GATE::cancel)
            .on(Planning.class,          EffectSucceeded.class,  Proposing::factsNeeded,  Proposing::decide)
            .on(Planning.class,          AgentCommand.class,                              Approving.GATE::cancel)
            .on(AwaitingAnswer.class,    TicketUpdated.class,                             Answers::reply)
            .on(AwaitingAnswer.class,    ReminderDue.class,                               Answers::remind)
            .on(AwaitingAnswer.class,    AgentCommand.class,                              Approving.GATE::cancel)
            .on(AwaitingSignUp.class,    TicketUpdated.class,    SignUp::factsNeeded,     SignUp::reply)
            .on(AwaitingSignUp.class,    ReminderDue.class,      SignUp::factsNeeded,     SignUp::remind)
            .on(AwaitingSignUp.class,    AgentCommand.class,                              Approving.GATE::cancel)
            // AwaitingApproval, Executing, Failed: the approval gate's rows (Approving.GATE).
            // Done, NotVerified, Declined, NothingToDo, NeedsHuman, Rejected, Expired, Cancelled: final, no rows.
            .build();

    public AddContact() {
        super(KIND, START_TAG, AddContactState.class, new Requested(), TABLE);
    }

    @Override
    public List<SlashCommand> slashCommands() {
        return List.of(
                SlashCommand.starting("add-contact", "/lnr add-contact TICKET",
                        "add the ticket's requester as a subscription management contact (ownership verified first; needs approval)"),
                SlashCommand.commanding("ac", "cancel", "/lnr ac cancel TICKET",
                        "stop adding the contact on a ticket (closes its approval)", Command.CANCEL));
    }

    @Override
    public List<WorkflowSetting<?>> settings() {
        return AddContactSettings.ALL;
    }

    @Override
    public List<String> requires() {
        return List.of(OwnershipVerification.KIND);
    }

    @Override
    public boolean finished(AddContactState state) {
        return !(state instanceof Requested) && !(state instanceof Open);
    }

    @Override
    public Outcome outcome(AddContactState state) {
        return Outcome.of(KIND, resultOf(state), finished(state), subscriptionOf(state), approvalOf(state));
    }

    @Override
    public Optional<WaitingOn> waitingOn(AddContactState state) {
        if (state instanceof AwaitingAnswer || state instanceof AwaitingSignUp) return Optional.of(WaitingOn.REQUESTER);
        if (Gated.waitsForApprovers(state)) return Optional.of(WaitingOn.APPROVER);
        return Optional.empty();
    }

    private static String resultOf(AddContactState state) {
        String gate = Gated.resultOf(state);
        if (gate != null) return gate;
        if (state instanceof Requested) return "started";
        if (state instanceof AwaitingOwnership) return "waiting for ownership verification";
        if (state instanceof Planning) return "planning";
        if (state instanceof AwaitingAnswer) return "waiting for the requester's answer";
        if (state instanceof AwaitingSignUp) return "waiting for the requester's portal account";
        if (state instanceof Done) return "done";
        if (state instanceof NotVerified) return "ownership not verified";
        if (state instanceof Declined) return "declined by the requester";
        if (state instanceof NothingToDo) return "nothing to do";
        if (state instanceof NeedsHuman) return "handed to a person";
        if (state instanceof Rejected) return "rejected";
        if (state instanceof Expired) return "expired";
        if (state instanceof Cancelled) return "cancelled";
        throw new IllegalArgumentException("unknown state " + state);
    }

    private static String subscriptionOf(AddContactState state) {
        if (state instanceof Planning p) return p.verification().subscriptionName();
        if (state instanceof AwaitingAnswer a) return a.verification().subscriptionName();
        if (state instanceof AwaitingSignUp a) return a.verification().subscriptionName();
        if (state instanceof AwaitingApproval a) return a.verification().subscriptionName();
        if (state instanceof Executing x) return x.verification().subscriptionName();
        if (state instanceof Failed f) return f.verification().subscriptionName();
        if (state instanceof Done d) return d.subscriptionName();
        if (state instanceof Declined d) return d.subscriptionName();
        if (state instanceof NothingToDo n) return n.subscriptionName();
        if (state instanceof NeedsHuman n) return n.subscriptionName();
        if (state instanceof Rejected r) return r.subscriptionName();
        if (state instanceof Expired e) return e.subscriptionName();
        return null;
    }

    private static Long approvalOf(AddContactState state) {
        if (state instanceof Done d) return d.approvalId();
        if (state instanceof Rejected r) return r.approvalId();
        return Gated.approvalOf(state);
    }

    /** The transition table, for tests and documentation. */
    static TransitionTable<AddContactState> table() {
        return TABLE;
    }
}
