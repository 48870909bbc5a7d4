package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Event.AgentCommand;
import dev.supportbot.workflows.engine.Event.EffectFailed;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.Event.LinkedTicketUpdated;
import dev.supportbot.workflows.engine.Event.ReminderDue;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.SlashCommand;
import dev.supportbot.workflows.engine.TabledWorkflow;
import dev.supportbot.workflows.engine.TransitionTable;
import dev.supportbot.workflows.engine.WaitingOn;
import dev.supportbot.workflows.engine.WorkflowSetting;
import dev.supportbot.workflows.engine.WorkflowSettings;
import dev.supportbot.workflows.ownership.OwnershipState.AwaitingProof;
import dev.supportbot.workflows.ownership.OwnershipState.AwaitingSubscription;
import dev.supportbot.workflows.ownership.OwnershipState.Cancelled;
import dev.supportbot.workflows.ownership.OwnershipState.Escalated;
import dev.supportbot.workflows.ownership.OwnershipState.Expired;
import dev.supportbot.workflows.ownership.OwnershipState.Rejected;
import dev.supportbot.workflows.ownership.OwnershipState.Requested;
import dev.supportbot.workflows.ownership.OwnershipState.Verified;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ownership verification (docs/handbook.md; handbook "Ownership verification"): the gate before any ownership
 * or contact change. Verified, Rejected, Expired and Cancelled are final; every pair not in the table is ignored.
 */
public final class OwnershipVerification extends TabledWorkflow<OwnershipState> {
    public static final String KIND = "ownership_verification";
    public static final String ESCALATION_TEMPLATE = "Subscription-Ownership-Change-Escalation";
    /** Effect keys, echoed back in EffectSucceeded / EffectFailed. */
    public static final String SOLD_TO_TICKET_KEY = "sold-to-approval-ticket";
    public static final String ESCALATION_KEY = "legal-escalation-issue";

    private static final TransitionTable<OwnershipState> TABLE = TransitionTable.<OwnershipState>builder()
            //  state                      event                       facts needed                  handler
            .on(Requested.class,            TicketUpdated.class,       Starting::factsOnStart,        Starting::start)
            .on(AwaitingSubscription.class, TicketUpdated.class,       Starting::factsOnReply,        Starting::subscriptionReply)
            .on(AwaitingSubscription.class, ReminderDue.class,                                        Reminders::remind)
            .on(AwaitingSubscription.class, AgentCommand.class,                                       AgentCommands::whileAwaitingSubscription)
            .on(AwaitingProof.class,        TicketUpdated.class,       ProofReplies::factsNeeded,     ProofReplies::check)
            .on(AwaitingProof.class,        LinkedTicketUpdated.class, SoldToReplies::factsNeeded,    SoldToReplies::reply)
            .on(AwaitingProof.class,        ReminderDue.class,                                        Reminders::remind)
            .on(AwaitingProof.class,        AgentCommand.class,                                       AgentCommands::whileAwaitingProof)
            .on(AwaitingProof.class,        EffectSucceeded.class,                                    EffectResults::soldToTicketOpened)
            .on(AwaitingProof.class,        EffectFailed.class,                                       EffectResults::soldToTicketFailed)
            .on(Escalated.class,            AgentCommand.class,                                       AgentCommands::whileEscalated)
            .on(Escalated.class,            EffectSucceeded.class,                                    EffectResults::escalationIssueOpened)
            .on(Escalated.class,            EffectFailed.class,                                       EffectResults::escalationIssueFailed)
            // Verified, Rejected, Expired, Cancelled: final, no rows.
            .build();

    public OwnershipVerification() {
        super(KIND, OwnershipTags.START, OwnershipState.class, new Requested(), TABLE);
    }

    @Override
    public List<SlashCommand> slashCommands() {
        return List.of(
                SlashCommand.starting("verify", "/lnr verify TICKET", "start ownership verification on a ticket"),
                SlashCommand.commanding("ov", OwnershipCommands.CONFIRM_CONTRACT_VERB, "/lnr ov confirm-contract TICKET",
                        "verified by a prior contract the agent checked", OwnershipCommands.CONFIRM_CONTRACT),
                SlashCommand.commanding("ov", OwnershipCommands.ESCALATE_VERB, "/lnr ov escalate TICKET",
                        "hand the verification to Legal & Compliance", OwnershipCommands.ESCALATE),
                SlashCommand.commanding("ov", OwnershipCommands.REJECT_VERB, "/lnr ov reject TICKET",
                        "the requester is not verified", OwnershipCommands.REJECT),
                SlashCommand.commanding("ov", Command.CANCEL.verb(), "/lnr ov cancel TICKET",
                        "stop the verification; nothing more is sent", Command.CANCEL),
                SlashCommand.direct("escalate", "/lnr escalate TICKET",
                        "hand the ownership verification to Legal & Compliance (as `/lnr ov escalate`)", OwnershipCommands.ESCALATE));
    }

    /** The buttons of the workflow's Slack posts ({@link SlackPosts}): an agent's click gives the running run the command. */
    @Override
    public Map<String, Command> buttonActions() {
        return Map.of(SlackPosts.ESCALATE_BUTTON, OwnershipCommands.ESCALATE, SlackPosts.CANCEL_BUTTON, Command.CANCEL);
    }

    @Override
    public Map<String, Command> commandTags() {
        return Map.of(OwnershipTags.CONTRACT_CONFIRMED, OwnershipCommands.CONFIRM_CONTRACT, OwnershipTags.ESCALATE, OwnershipCommands.ESCALATE);
    }

    @Override
    public List<WorkflowSetting<?>> settings() {
        return OwnershipSettings.ALL;
    }

    @Override
    public void checkSettings(WorkflowSettings settings) {
        OwnershipSettings.check(settings);
    }

    @Override
    public Outcome outcome(OwnershipState state) {
        boolean finished = finished(state);
        if (state instanceof Verified v) {
            return new Outcome(KIND, Outcome.VERIFIED, true, Map.of(Outcome.SUBSCRIPTION, v.subscriptionName(),
                    Outcome.PROOF, v.evidence().kind().name()));
        }
        String result = state instanceof Rejected ? "rejected"
                : state instanceof Expired ? "expired"
                : state instanceof Cancelled ? "cancelled"
                : state instanceof Escalated ? "escalated"
                : state instanceof AwaitingProof ? "awaiting proof"
                : state instanceof AwaitingSubscription ? "awaiting the subscription name"
                : "started";
        return new Outcome(KIND, result, finished, Map.of());
    }

    @Override
    public Optional<WaitingOn> waitingOn(OwnershipState state) {
        if (state instanceof AwaitingSubscription || state instanceof AwaitingProof) return Optional.of(WaitingOn.REQUESTER);
        if (state instanceof Escalated) return Optional.of(WaitingOn.AGENT);
        return Optional.empty();
    }

    @Override
    public boolean finished(OwnershipState state) {
        return state instanceof Verified || state instanceof Rejected || state instanceof Expired || state instanceof Cancelled;
    }

    /** The transition table, for tests and documentation. */
    static TransitionTable<OwnershipState> table() {
        return TABLE;
    }
}
