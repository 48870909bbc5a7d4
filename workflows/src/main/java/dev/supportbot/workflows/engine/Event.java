package dev.supportbot.workflows.engine;

import java.util.List;
import java.util.Map;

/**
 * What happened to an instance, transport-neutral. The bot builds these from Zendesk webhooks, Slack commands,
 * scheduled jobs and effect results.
 */
public sealed interface Event
        permits Event.TicketUpdated, Event.LinkedTicketUpdated, Event.ReminderDue, Event.AgentCommand,
                Event.EffectSucceeded, Event.EffectFailed {

    /** The instance's ticket changed; {@code newComments} are the comments added since the last event. */
    record TicketUpdated(Ticket ticket, List<Comment> newComments) implements Event {
        public TicketUpdated {
            newComments = newComments == null ? List.of() : List.copyOf(newComments);
        }
    }

    /** Comments on a separate ticket the workflow opened (see {@link Effect.OpenSeparateTicket}). */
    record LinkedTicketUpdated(long linkedTicketId, List<Comment> newComments) implements Event {
        public LinkedTicketUpdated {
            newComments = newComments == null ? List.of() : List.copyOf(newComments);
        }
    }

    /** A reminder scheduled with {@link Effect.ScheduleReminder} fell due. May arrive late or twice. */
    record ReminderDue(int sequence) implements Event {}

    /** An agent's command; {@code agent} names the agent (for evidence and audit). */
    record AgentCommand(Command command, String agent) implements Event {}

    /** A keyed effect ran; {@code result} carries e.g. {@link Effect.OpenSeparateTicket#TICKET_ID}. */
    record EffectSucceeded(String effectKey, Map<String, String> result) implements Event {
        public EffectSucceeded {
            result = result == null ? Map.of() : Map.copyOf(result);
        }
    }

    /** A keyed effect failed for good (after the bot's retries). */
    record EffectFailed(String effectKey, String reason) implements Event {}
}
