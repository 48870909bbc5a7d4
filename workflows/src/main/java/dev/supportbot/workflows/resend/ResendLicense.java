package dev.supportbot.workflows.resend;

import dev.supportbot.workflows.approved.GatedWorkflow;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.Event.WorkflowFinished;
import dev.supportbot.workflows.engine.SlashCommand;
import dev.supportbot.workflows.engine.TransitionTable;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import dev.supportbot.workflows.resend.ResendLicenseState.AwaitingOwnership;
import dev.supportbot.workflows.resend.ResendLicenseState.Planning;
import dev.supportbot.workflows.resend.ResendLicenseState.Requested;
import java.util.List;

/**
 * Send a license or activation code to an address other than the Sold To (docs/handbook.md, "Resend a license to
 * another address"): once ownership of the subscription is verified for the ticket's requester, plan the resend to
 * that requester's own address, put it before an approver and let the portal send it. Every pair not in the table is
 * ignored.
 */
public final class ResendLicense extends GatedWorkflow<ResendLicenseState> {
    public static final String KIND = "resend_license";
    public static final String START_TAG = "supportbot_start_resend_license";

    private static final TransitionTable<ResendLicenseState> TABLE = Approving.GATE.rows(TransitionTable.<ResendLicenseState>builder(),
                    AwaitingOwnership.class, Planning.class)
            //  state                   event                    facts needed             handler
            .on(Requested.class,         TicketUpdated.class,    Starting::factsOnStart,  Starting::start)
            .on(AwaitingOwnership.class, WorkflowFinished.class,                          Starting::ownershipFinished)
            .on(Planning.class,          EffectSucceeded.class,  Proposing::factsNeeded,  Proposing::decide)
            // An agent's cancel in the open states above, and the Gate in every phase: the approval gate's rows
            // (Approving.GATE).
            // Done, GateEnd, NotVerified, NeedsHuman, Expired: final, no rows.
            .build();

    public ResendLicense() {
        super(KIND, START_TAG, ResendLicenseState.class, new Requested(), TABLE,
                ResendSettings.ALL, List.of(OwnershipVerification.KIND),
                SlashCommand.starting("resend-license", "/lnr resend-license TICKET",
                        "send the license or activation code to the ticket's requester (ownership verified first; needs approval)"),
                cancelling("rl", "resending the license"));
    }

    /** The transition table, for tests and documentation. */
    static TransitionTable<ResendLicenseState> table() {
        return TABLE;
    }
}
