package dev.supportbot.bot.engine;

import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.bot.tracker.IssueTracker;
import dev.supportbot.bot.tracker.OwnershipEscalation;
import dev.supportbot.bot.tracker.TrackerIssue;
import dev.supportbot.bot.zendesk.NewTicket;
import dev.supportbot.bot.zendesk.TicketUpdate;
import dev.supportbot.bot.zendesk.Zendesk;
import dev.supportbot.bot.zendesk.ZendeskComment;
import dev.supportbot.workflows.engine.Effect;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Carries out one effect against the outside system it names; consecutive ticket writes go out as one ticket update
 * ({@link TicketWrites}). Effects that a retry could repeat check first: comments already on the ticket are not
 * posted again (the rest of their update still is); new tickets and escalation issues carry the step's key and
 * are looked up by it before being opened; tags and statuses are idempotent by nature; rescheduling a reminder
 * replaces it.
 */
public final class EffectRunner {
    /** Tag on tickets the bot opens to someone else, so their replies can be told apart in views. */
    public static final String LINKED_TICKET_TAG = "supportbot_linked_ticket";

    private final Zendesk zendesk;
    private final SlackNotifier slack;
    private final IssueTracker tracker;
    private final ReminderPort reminders;
    private final String zendeskUrl;
    private final Clock clock;

    public EffectRunner(Zendesk zendesk, SlackNotifier slack, IssueTracker tracker, ReminderPort reminders, String zendeskUrl, Clock clock) {
        this.zendesk = zendesk;
        this.slack = slack;
        this.tracker = tracker;
        this.reminders = reminders;
        this.zendeskUrl = zendeskUrl;
        this.clock = clock;
    }

    /** Handlers of effects this runner does not carry out itself (until every effect has its handler). */
    private final Map<Class<?>, EffectHandler<?>> handlers = new java.util.concurrent.ConcurrentHashMap<>();

    /** This runner, with {@code handler} carrying out the effects of its type. */
    public EffectRunner handling(EffectHandler<?> handler) {
        handlers.put(handler.type(), handler);
        return this;
    }

    /**
     * Runs the step's effect, and with a ticket write the ticket writes that follow it, folded into one update;
     * {@code retry} is true when an earlier attempt may have got through.
     */
    public EffectHandler.Ran run(EffectStep step, boolean retry) {
        long ticket = step.ticketId();
        Effect effect = step.effect();
        if (TicketWrites.isTicketWrite(effect)) {
            TicketWrites.Folded folded = TicketWrites.fold(step.effects(), step.index());
            TicketUpdate update = folded.update();
            if (retry && update.comment() != null && alreadyOnTicket(ticket, update.comment())) update = update.withoutComment();
            zendesk.update(ticket, update);
            return new EffectHandler.Ran(Map.of(), folded.effects(), List.of());
        } else if (effect instanceof Effect.SlackMessage m) {
            slack.post(SlackMessage.text(m.text() + "\n" + ticketUrl(ticket)));
        } else if (effect instanceof Effect.ScheduleReminder r) {
            reminders.schedule(requireInstance(step), r.sequence(), ticket, clock.instant().plus(r.after()));
        } else if (effect instanceof Effect.CancelReminders) {
            reminders.cancelAll(requireInstance(step));
        } else if (effect instanceof Effect.OpenSeparateTicket t) {
            long id = zendesk.createTicket(new NewTicket(t.recipientName(), t.recipientEmail(), t.subject(), t.body(),
                    List.of(LINKED_TICKET_TAG)), step.key());
            return EffectHandler.Ran.with(Map.of(Effect.OpenSeparateTicket.TICKET_ID, Long.toString(id)));
        } else if (effect instanceof Effect.OpenEscalationIssue e) {
            TrackerIssue issue = tracker.escalateOwnershipChange(new OwnershipEscalation(ticket, ticketUrl(ticket),
                    null, null, null, e.title(), e.description(), "supportbot"), step.key());
            return EffectHandler.Ran.with(Map.of(Effect.OpenEscalationIssue.ISSUE_URL, issue.url()));
        } else if (handlers.containsKey(effect.getClass())) {
            return runWith(handlers.get(effect.getClass()), step, retry);
        } else {
            throw new IllegalStateException("no runner for " + effect.getClass().getSimpleName());
        }
        return EffectHandler.Ran.done();
    }

    @SuppressWarnings("unchecked")
    private static <E extends Effect> EffectHandler.Ran runWith(EffectHandler<E> handler, EffectStep step, boolean retry) {
        return handler.run(step, (E) step.effect(), retry);
    }

    String ticketUrl(long ticket) {
        return (zendeskUrl == null ? "" : zendeskUrl) + "/agent/tickets/" + ticket;
    }

    private boolean alreadyOnTicket(long ticket, String body) {
        String wanted = normalise(body);
        for (ZendeskComment comment : zendesk.commentsAfter(ticket, null, 0)) {
            if (normalise(comment.body()).equals(wanted)) return true;
        }
        return false;
    }

    private static String normalise(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static long requireInstance(EffectStep step) {
        if (step.instanceId() == null) throw new IllegalStateException("a reminder needs a workflow instance");
        return step.instanceId();
    }
}
