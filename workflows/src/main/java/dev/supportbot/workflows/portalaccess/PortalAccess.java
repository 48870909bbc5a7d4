package dev.supportbot.workflows.portalaccess;

import dev.supportbot.workflows.approved.GatedWorkflow;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.SlashCommand;
import dev.supportbot.workflows.engine.TransitionTable;
import dev.supportbot.workflows.portalaccess.PortalAccessState.Requested;
import dev.supportbot.workflows.portalaccess.PortalAccessState.SelfService;
import java.util.List;

/**
 * Portal access help (docs/handbook.md, "Portal access help"): a one-time sign-in link or the email confirmation again,
 * for the requester's own Customers Portal account and only to its own address, as a self-service answer or a plan an
 * approver approves. Every pair not in the table is ignored.
 */
public final class PortalAccess extends GatedWorkflow<PortalAccessState> {
    public static final String KIND = "portal_access";
    public static final String START_TAG = "supportbot_start_portal_access";

    private static final TransitionTable<PortalAccessState> TABLE = Approving.GATE.rows(TransitionTable.<PortalAccessState>builder())
            //  state            event                facts needed             handler
            .on(Requested.class, TicketUpdated.class, Starting::factsOnStart,  Starting::start)
            // The Gate in every phase: the approval gate's rows (Approving.GATE).
            // Done, GateEnd, SelfService, NeedsHuman, Expired: final, no rows.
            .build();

    public PortalAccess() {
        super(KIND, START_TAG, PortalAccessState.class, new Requested(), TABLE,
                PortalAccessSettings.ALL, List.of(),
                SlashCommand.starting("portal-access", "/lnr portal-access TICKET",
                        "a one-time sign-in link or the email confirmation for the requester's own portal account (needs approval)"),
                cancelling("pa", "the portal access help"));
    }

    @Override
    protected String ownResult(PortalAccessState state) {
        return state instanceof SelfService ? "answered with the self-service steps" : null;
    }

    /** The transition table, for tests and documentation. */
    static TransitionTable<PortalAccessState> table() {
        return TABLE;
    }
}
