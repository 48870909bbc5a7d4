package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.engine.Command;

/** Ownership verification's own commands (besides {@link Command#CANCEL}). */
public final class OwnershipCommands {
    static final String CONFIRM_CONTRACT_VERB = "confirm-contract";
    static final String ESCALATE_VERB = "escalate";
    static final String REJECT_VERB = "reject";

    /** The agent checked a prior subscription contract by hand: the requester is verified. */
    public static final Command CONFIRM_CONTRACT = new Command(CONFIRM_CONTRACT_VERB);
    /** Hand the case to Legal & Compliance and park the workflow. */
    public static final Command ESCALATE = new Command(ESCALATE_VERB);
    /** The agent decides the request is not verified (e.g. after Legal & Compliance said no). */
    public static final Command REJECT = new Command(REJECT_VERB);

    private OwnershipCommands() {}
}
