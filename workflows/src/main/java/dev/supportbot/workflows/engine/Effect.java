package dev.supportbot.workflows.engine;

import java.time.Duration;
import java.util.Set;

/**
 * What the bot must do after a decision, in list order. The bot identifies each effect by (instance, version,
 * index) for idempotency, so effects carry no ids; those whose result matters implement {@link ResultKeyed}.
 * Texts are final: the bot posts them as they are.
 */
public sealed interface Effect
        permits Effect.PublicComment, Effect.PrivateNote, Effect.AddTags, Effect.RemoveTags, Effect.SlackMessage,
                Effect.ScheduleReminder, Effect.CancelReminders, Effect.OpenSeparateTicket,
                Effect.OpenEscalationIssue, Effect.SetTicketStatus {

    /** A comment on the instance's ticket that the requester sees. */
    record PublicComment(String body) implements Effect {}

    /** An internal note on the instance's ticket. */
    record PrivateNote(String body) implements Effect {}

    record AddTags(Set<String> tags) implements Effect {
        public AddTags {
            tags = Set.copyOf(tags);
        }
    }

    record RemoveTags(Set<String> tags) implements Effect {
        public RemoveTags {
            tags = Set.copyOf(tags);
        }
    }

    /** A message in the team's support channel. */
    record SlackMessage(String text) implements Effect {}

    /**
     * Put {@link Event.ReminderDue}{@code (sequence)} in the inbox after {@code after}. Scheduling a sequence
     * again replaces the earlier one.
     */
    record ScheduleReminder(int sequence, Duration after) implements Effect {}

    /** Drop all pending reminders of the instance. */
    record CancelReminders() implements Effect {}

    /**
     * Open a NEW ticket to someone who must not see the instance's ticket (the Sold To contact). The only effect
     * that may carry that person's address. Success result: {@link #TICKET_ID}.
     */
    record OpenSeparateTicket(String key, String recipientName, String recipientEmail, String subject, String body)
            implements Effect, ResultKeyed {
        public static final String TICKET_ID = "ticket_id";
    }

    /** Open an issue in the escalation tracker from {@code template}. Success result: {@link #ISSUE_URL}. */
    record OpenEscalationIssue(String key, String template, String title, String description)
            implements Effect, ResultKeyed {
        public static final String ISSUE_URL = "issue_url";
    }

    /** Set the Zendesk status of the instance's ticket ({@code open}, {@code pending}, {@code solved}...). */
    record SetTicketStatus(String status) implements Effect {}
}
