package dev.supportbot.workflows.resend;

import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Event.AgentCommand;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.Event.WorkflowFinished;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.SlashCommand;
import dev.supportbot.workflows.engine.TabledWorkflow;
import dev.supportbot.workflows.engine.TransitionTable;
import dev.supportbot.workflows.engine.WaitingOn;
import dev.supportbot.workflows.engine.WorkflowSetting;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import dev.supportbot.workflows.resend.ResendLicenseState.AwaitingApproval;
import dev.supportbot.workflows.resend.ResendLicenseState.AwaitingOwnership;
import dev.supportbot.workflows.resend.ResendLicenseState.Cancelled;
import dev.supportbot.workflows.resend.ResendLicenseState.Done;
import dev.supportbot.workflows.resend.ResendLicenseState.Executing;
import dev.supportbot.workflows.resend.ResendLicenseState.Expired;
import dev.supportbot.workflows.resend.ResendLicenseState.Failed;
import dev.supportbot.workflows.resend.ResendLicenseState.NeedsHuman;
import dev.supportbot.workflows.resend.ResendLicenseState.NotVerified;
import dev.supportbot.workflows.resend.ResendLicenseState.Open;
import dev.supportbot.workflows.resend.ResendLicenseState.Planning;
import dev.supportbot.workflows.resend.ResendLicenseState.Rejected;
import dev.supportbot.workflows.resend.ResendLicenseState.Requested;
import java.util.List;
import java.util.Optional;

/**
 * Send a license or activation code to an address other than the Sold To (docs/handbook.md, "Resend a license to
 * another address"): once ownership of the subscription is verified for the ticket's requester, plan the resend to
 * that requester's own address, put it before an approver and let the portal send it. Every pair not in the table is
 * ignored.
 */
public final class ResendLicense extends TabledWorkflow<ResendLicenseState> {
    public static final String KIND = "resend_license";
    public static final String START_TAG = "supportbot_start_resend_license";

    private static final TransitionTable<ResendLicenseState> TABLE = Approving.GATE.rows(TransitionTable.<ResendLicenseState>builder())
            //  state                   event                    facts needed             handler
            .on(Requested.class,         TicketUpdated.class,    Starting::factsOnStart,  Starting::start)
            .on(AwaitingOwnership.class, WorkflowFinished.class,                          Starting::ownershipFinished)
            .on(AwaitingOwnership.class, AgentCommand.class,                              Approving.GATE::cancel)
            .on(Planning.class,          EffectSucceeded.class,  Proposing::factsNeeded,  Proposing::decide)
            .on(Planning.class,          AgentCommand.class,                              Approving.GATE::cancel)
            // AwaitingApproval, Executing, Failed: the approval gate's rows (Approving.GATE).
            // Done, NotVerified, NeedsHuman, Rejected, Expired, Cancelled: final, no rows.
            .build();

    public ResendLicense() {
        super(KIND, START_TAG, ResendLicenseState.class, new Requested(), TABLE);
    }

    @Override
    public List<SlashCommand> slashCommands() {
        return List.of(
                SlashCommand.starting("resend-license", "/lnr resend-license TICKET",
                        "send the license or activation code to the ticket's requester (ownership verified first; needs approval)"),
                SlashCommand.commanding("rl", "cancel", "/lnr rl cancel TICKET",
                        "stop resending the license on a ticket (closes its approval)", Command.CANCEL));
    }

    @Override
    public List<WorkflowSetting<?>> settings() {
        return ResendSettings.ALL;
    }

    @Override
    public List<String> requires() {
        return List.of(OwnershipVerification.KIND);
    }

    @Override
    public boolean finished(ResendLicenseState state) {
        return !(state instanceof Requested) && !(state instanceof Open);
    }

    @Override
    public Outcome outcome(ResendLicenseState state) {
        return Outcome.of(KIND, resultOf(state), finished(state), subscriptionOf(state), approvalOf(state));
    }

    @Override
    public Optional<WaitingOn> waitingOn(ResendLicenseState state) {
        return Gated.waitsForApprovers(state) ? Optional.of(WaitingOn.APPROVER) : Optional.empty();
    }

    private static String resultOf(ResendLicenseState state) {
        String gate = Gated.resultOf(state);
        if (gate != null) return gate;
        if (state instanceof Requested) return "started";
        if (state instanceof AwaitingOwnership) return "waiting for ownership verification";
        if (state instanceof Planning) return "planning";
        if (state instanceof Done) return "done";
        if (state instanceof NotVerified) return "ownership not verified";
        if (state instanceof NeedsHuman) return "handed to a person";
        if (state instanceof Rejected) return "rejected";
        if (state instanceof Expired) return "expired";
        if (state instanceof Cancelled) return "cancelled";
        throw new IllegalArgumentException("unknown state " + state);
    }

    private static String subscriptionOf(ResendLicenseState state) {
        if (state instanceof Planning p) return p.ownership().subscriptionName();
        if (state instanceof AwaitingApproval a) return a.ownership().subscriptionName();
        if (state instanceof Executing x) return x.ownership().subscriptionName();
        if (state instanceof Failed f) return f.ownership().subscriptionName();
        if (state instanceof Done d) return d.subscriptionName();
        if (state instanceof NeedsHuman n) return n.subscriptionName();
        if (state instanceof Rejected r) return r.subscriptionName();
        if (state instanceof Expired e) return e.subscriptionName();
        return null;
    }

    private static Long approvalOf(ResendLicenseState state) {
        if (state instanceof Done d) return d.approvalId();
        if (state instanceof Rejected r) return r.approvalId();
        return Gated.approvalOf(state);
    }

    /** The transition table, for tests and documentation. */
    static TransitionTable<ResendLicenseState> table() {
        return TABLE;
    }
}
