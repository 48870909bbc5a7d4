package dev.supportbot.workflows.engine;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Map;

/**
 * What happened to an instance, transport-neutral. The bot builds these from Zendesk webhooks, Slack commands,
 * scheduled jobs and effect results.
 */
public sealed interface Event
        permits Event.TicketUpdated, Event.LinkedTicketUpdated, Event.ReminderDue, Event.AgentCommand,
                Event.EffectSucceeded, Event.EffectFailed, Event.WorkflowFinished, Event.ApprovalDecided,
                Event.RetryRequested {

    /** The instance's ticket changed; {@code newComments} are the comments added since the last event. */
    @JsonTypeName("TicketUpdated")
    record TicketUpdated(Ticket ticket, List<Comment> newComments) implements Event {
        public TicketUpdated {
            newComments = newComments == null ? List.of() : List.copyOf(newComments);
        }
    }

    /** Comments on a separate ticket the workflow opened (see {@link Effect.OpenSeparateTicket}). */
    @JsonTypeName("LinkedTicketUpdated")
    record LinkedTicketUpdated(long linkedTicketId, List<Comment> newComments) implements Event {
        public LinkedTicketUpdated {
            newComments = newComments == null ? List.of() : List.copyOf(newComments);
        }
    }

    /** A reminder scheduled with {@link Effect.ScheduleReminder} fell due. May arrive late or twice. */
    @JsonTypeName("ReminderDue")
    record ReminderDue(int sequence) implements Event {}

    /** An agent's command; {@code agent} names the agent (for evidence and audit). */
    @JsonTypeName("AgentCommand")
    record AgentCommand(Command command, String agent) implements Event {}

    /** A keyed effect ran; {@code result} carries e.g. {@link Effect.OpenSeparateTicket#TICKET_ID}. */
    @JsonTypeName("EffectSucceeded")
    record EffectSucceeded(String effectKey, Map<String, String> result) implements Event {
        public EffectSucceeded {
            result = result == null ? Map.of() : Map.copyOf(result);
        }
    }

    /** A keyed effect failed for good (after the bot's retries). */
    @JsonTypeName("EffectFailed")
    record EffectFailed(String effectKey, String reason) implements Event {}

    /**
     * Another workflow on the same ticket finished (e.g. ownership verification, which a contact change requires).
     * The bot sends it to every running instance of the ticket that {@link Workflow#requires()} the finished kind.
     */
    @JsonTypeName("WorkflowFinished")
    record WorkflowFinished(Outcome outcome) implements Event {}

    /**
     * The approvers decided on the plan an {@link Effect.RequestApproval} put before them. {@code planHash} is the hash
     * the approval was bound to: a workflow acts only when it is the hash of the plan it holds. {@code approvers} are
     * the people who approved (or the one who rejected), as the bot names them; {@code reason} is a rejection's.
     */
    @JsonTypeName("ApprovalDecided")
    record ApprovalDecided(long approvalId, String planHash, boolean approved, java.util.List<String> approvers,
                           String reason) implements Event {
        public ApprovalDecided {
            approvers = approvers == null ? List.of() : List.copyOf(approvers);
        }
    }

    /** An approver asked to run a failed plan again from step {@code fromStep} (1-based). */
    @JsonTypeName("RetryRequested")
    record RetryRequested(long approvalId, int fromStep, String approver) implements Event {}
}
