package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.AgentCommand;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.People;
import dev.supportbot.workflows.ownership.OwnershipState.AwaitingProof;
import dev.supportbot.workflows.ownership.OwnershipState.AwaitingSubscription;
import dev.supportbot.workflows.ownership.OwnershipState.Escalated;
import dev.supportbot.workflows.ownership.OwnershipState.Evidence;
import dev.supportbot.workflows.ownership.OwnershipState.SoldToRequest;

/** What agents' commands do in each open state. */
final class AgentCommands {
    private static final String CONFIRM_CONTRACT = OwnershipCommands.CONFIRM_CONTRACT_VERB;
    private static final String ESCALATE = OwnershipCommands.ESCALATE_VERB;
    private static final String REJECT = OwnershipCommands.REJECT_VERB;
    private static final String CANCEL = "cancel";

    private AgentCommands() {}

    static Decision<OwnershipState> whileAwaitingSubscription(AwaitingSubscription s, AgentCommand c, Facts f, Context ctx) {
        String agent = agent(c);
        return switch (c.command().verb()) {
            // Nothing to verify yet: say so rather than silently dropping the agent's macro.
            case CONFIRM_CONTRACT -> Decision.of(s, new Effect.PrivateNote(InternalNotes.contractNeedsSubscription(agent)));
            case ESCALATE -> Outcomes.escalated(s.ticketId(), null, agent, null, ctx);
            case REJECT -> Outcomes.rejected(s.ticketId(), null, null, agent, null, false, ctx);
            case CANCEL -> Outcomes.cancelled(s.ticketId(), null, agent, null, ctx);
            default -> Decision.unchanged(s);
        };
    }

    static Decision<OwnershipState> whileAwaitingProof(AwaitingProof s, AgentCommand c, Facts f, Context ctx) {
        String agent = agent(c);
        Long soldTo = SoldToRequest.openTicket(s.soldTo());
        return switch (c.command().verb()) {
            case CONFIRM_CONTRACT -> Outcomes.verified(s.ticketId(), s.subscriptionName(), contract(agent), soldTo, agent, ctx);
            case ESCALATE -> Outcomes.escalated(s.ticketId(), s.subscriptionName(), agent, soldTo, ctx);
            case REJECT -> Outcomes.rejected(s.ticketId(), s.subscriptionName(), null, agent, soldTo, false, ctx);
            case CANCEL -> Outcomes.cancelled(s.ticketId(), s.subscriptionName(), agent, soldTo, ctx);
            default -> Decision.unchanged(s);
        };
    }

    /** Parked: only an agent's decision (after Legal & Compliance) moves it on. */
    static Decision<OwnershipState> whileEscalated(Escalated s, AgentCommand c, Facts f, Context ctx) {
        String agent = agent(c);
        return switch (c.command().verb()) {
            case CONFIRM_CONTRACT -> Outcomes.verified(s.ticketId(), s.subscriptionName(), contract(agent), s.soldToTicketId(), agent, ctx);
            case REJECT -> Outcomes.rejected(s.ticketId(), s.subscriptionName(), "after escalation", agent, s.soldToTicketId(), false, ctx);
            case CANCEL -> Outcomes.cancelled(s.ticketId(), s.subscriptionName(), agent, s.soldToTicketId(), ctx);
            default -> Decision.unchanged(s);
        };
    }

    private static Evidence contract(String agent) {
        return new Evidence(ProofKind.PRIOR_CONTRACT, "prior contract confirmed by " + People.inNote(agent));
    }

    private static String agent(AgentCommand c) {
        return c.agent() == null || c.agent().isBlank() ? "an agent" : c.agent();
    }
}
