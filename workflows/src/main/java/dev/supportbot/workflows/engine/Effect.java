package dev.supportbot.workflows.engine;

import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.PlanScope;
import dev.supportbot.workflows.plan.PortalChange;
import dev.supportbot.workflows.plan.Snapshot;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What the bot must do after a decision, in list order. The bot identifies each effect by (instance, version,
 * index) for idempotency, so effects carry no ids; those whose result matters implement {@link ResultKeyed}.
 * Texts are final: the bot posts them as they are.
 */
public sealed interface Effect
        permits Effect.PublicComment, Effect.PrivateNote, Effect.AddTags, Effect.RemoveTags, Effect.SlackMessage,
                Effect.ScheduleReminder, Effect.CancelReminders, Effect.OpenSeparateTicket,
                Effect.OpenEscalationIssue, Effect.SetTicketStatus, Effect.RequestApproval, Effect.UpdateApproval,
                Effect.RunPlanStep, Effect.Continue, Effect.StartWorkflow, Effect.ReplyToCommand,
                Effect.UpdateLinkedTicket {

    /** A comment on the instance's ticket that the requester sees. */
    @JsonTypeName("PublicComment")
    record PublicComment(String body) implements Effect {}

    /** An internal note on the instance's ticket. */
    @JsonTypeName("PrivateNote")
    record PrivateNote(String body) implements Effect {}

    @JsonTypeName("AddTags")
    record AddTags(Set<String> tags) implements Effect {
        public AddTags {
            tags = Set.copyOf(tags);
        }
    }

    @JsonTypeName("RemoveTags")
    record RemoveTags(Set<String> tags) implements Effect {
        public RemoveTags {
            tags = Set.copyOf(tags);
        }
    }

    /**
     * A message in the team's support channel about the instance's ticket: a {@code title}, {@code fields} (label and
     * value, e.g. the subscription and the outcome) and {@code buttons} for the commands an agent can give the
     * instance from there (each an action id of the workflow's {@link Workflow#buttonActions()}; the bot sets the
     * button's value to the ticket). {@code text} is the notification and the fallback where blocks are not shown.
     * The bot adds the ticket's link. Slack users are named as mentions ({@link People#inSlack}).
     */
    @JsonTypeName("SlackMessage")
    record SlackMessage(String text, String title, List<Field> fields, List<Button> buttons) implements Effect {
        public SlackMessage {
            fields = fields == null ? List.of() : List.copyOf(fields);
            buttons = buttons == null ? List.of() : List.copyOf(buttons);
        }

        /** A message that is only its text. */
        public SlackMessage(String text) {
            this(text, null, List.of(), List.of());
        }

        public record Field(String label, String value) {}

        /** {@code danger}: shown red, for a command that ends or hands off the instance. */
        public record Button(String actionId, String label, boolean danger) {}
    }

    /**
     * Put {@link Event.ReminderDue}{@code (sequence)} in the inbox after {@code after}. Scheduling a sequence
     * again replaces the earlier one.
     */
    @JsonTypeName("ScheduleReminder")
    record ScheduleReminder(int sequence, Duration after) implements Effect {}

    /** Drop all pending reminders of the instance. */
    @JsonTypeName("CancelReminders")
    record CancelReminders() implements Effect {}

    /**
     * Open a NEW ticket to someone who must not see the instance's ticket (the Sold To contact). The only effect
     * that may carry that person's address. Success result: {@link #TICKET_ID}.
     */
    @JsonTypeName("OpenSeparateTicket")
    record OpenSeparateTicket(String key, String recipientName, String recipientEmail, String subject, String body)
            implements Effect, ResultKeyed {
        public static final String TICKET_ID = "ticket_id";
    }

    /** Open an issue in the escalation tracker from {@code template}. Success result: {@link #ISSUE_URL}. */
    @JsonTypeName("OpenEscalationIssue")
    record OpenEscalationIssue(String key, String template, String title, String description)
            implements Effect, ResultKeyed {
        public static final String ISSUE_URL = "issue_url";
    }

    /**
     * A public comment on a separate ticket the workflow opened ({@link OpenSeparateTicket}), e.g. telling the Sold To
     * contact the outcome of the request they were asked to approve, and that ticket's new {@code status} (null: left
     * as it is). Only the ticket id and the text: nothing of the instance's ticket or its requester's address.
     */
    @JsonTypeName("UpdateLinkedTicket")
    record UpdateLinkedTicket(long ticketId, String publicComment, String status) implements Effect {}

    /** Set the Zendesk status of the instance's ticket ({@code open}, {@code pending}, {@code solved}...). */
    @JsonTypeName("SetTicketStatus")
    record SetTicketStatus(String status) implements Effect {}

    /**
     * Put {@code plan} before the approvers in Slack: its ticket, evidence and every step with its predicted effect,
     * with Approve and Reject buttons. The bot binds the approval to the plan's hash, refuses the initiator and anyone
     * not configured as an approver, and needs {@code approversNeeded} different approvers. Clicks after {@code ttl}
     * are refused; the workflow expires the plan itself (its own reminder) and says so with {@link UpdateApproval}.
     * Success result: {@link #APPROVAL_ID}; the decision comes back as {@link Event.ApprovalDecided}.
     */
    @JsonTypeName("RequestApproval")
    record RequestApproval(String key, Plan plan, int approversNeeded, Duration ttl) implements Effect, ResultKeyed {
        public static final String APPROVAL_ID = "approval_id";
    }

    /**
     * Updates the approval's Slack message in place: {@code phase} and {@code lines} (e.g. each step's result so
     * far), and a "retry from step k" button when {@code retryFromStep} is not null. {@link Phase#EXPIRED} and
     * {@link Phase#CANCELLED} also close the approval, so a late click changes nothing.
     */
    @JsonTypeName("UpdateApproval")
    record UpdateApproval(long approvalId, Phase phase, List<String> lines, Integer retryFromStep) implements Effect {
        public UpdateApproval {
            lines = List.copyOf(lines);
        }

        public enum Phase { WAITING, EXECUTING, DONE, FAILED, REJECTED, EXPIRED, CANCELLED }
    }

    /**
     * Step {@code step} (1-based) of an approved plan: the bot reads the plan's {@code scope} again and goes on only
     * if it still looks as the preview predicted before this step ({@code expectedBefore}); when it already looks as
     * predicted after it ({@code expectedAfter}), the step is taken as done (a retry after a lost answer). The
     * portal call carries the idempotency key (approval, step, round): {@code round} counts the approvers' retries.
     * Every executed step goes to the audit log with the snapshots before and after. Success result
     * {@link #ALREADY_DONE} ({@code true}/{@code false}); failure reason says what changed or what the portal answered.
     */
    @JsonTypeName("RunPlanStep")
    record RunPlanStep(String key, long approvalId, int step, int round, PortalChange change, PlanScope scope,
                       Snapshot expectedBefore, Snapshot expectedAfter) implements Effect, ResultKeyed {
        public static final String ALREADY_DONE = "already_done";
    }

    /**
     * Comes back at once as {@link Event.EffectSucceeded} with {@code key}: lets a workflow ask for new facts after a
     * decision (decide, then fetch what the new state needs, then decide again).
     */
    @JsonTypeName("Continue")
    record Continue(String key) implements Effect, ResultKeyed {}

    /** Starts workflow {@code kind} on the instance's ticket, unless one of that kind is running there already. */
    @JsonTypeName("StartWorkflow")
    record StartWorkflow(String kind) implements Effect {}

    /**
     * An answer to the person who gave a command (e.g. through a Slack response URL, which {@code replyTo} holds).
     * The bot adds it after the decision commits; workflows do not emit it.
     */
    @JsonTypeName("ReplyToCommand")
    record ReplyToCommand(String replyTo, String text) implements Effect {}
}
