package dev.supportbot.workflows.engine;

/**
 * What an agent can tell a workflow, from a Zendesk macro tag or a Slack command. The bot maps e.g.
 * {@code supportbot_ov_contract_confirmed} to {@link #CONFIRM_CONTRACT} and {@code supportbot_ov_escalate} to
 * {@link #ESCALATE}.
 */
public enum Command {
    /** The agent checked a prior subscription contract by hand: the requester is verified. */
    CONFIRM_CONTRACT,
    /** Hand the case to Legal & Compliance and park the workflow. */
    ESCALATE,
    /** The agent decides the request is not verified (e.g. after Legal & Compliance said no). */
    REJECT,
    /** Stop the workflow; nothing more is sent. */
    CANCEL
}
