package dev.supportbot.bot.engine;

import dev.supportbot.bot.inbox.Dispatcher;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.InboxEvent;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.zendesk.Zendesk;
import dev.supportbot.bot.zendesk.ZendeskComment;
import dev.supportbot.bot.zendesk.ZendeskTicket;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * A Zendesk ticket webhook: reads the ticket once when a workflow needs it (otherwise what the webhook body says of
 * it will do), and the comments no one has seen yet once, unless the body carries them ({@link WebhookComment}), then (1) runs the other ticket handlers (redaction), each
 * committed on its own at once, so that a secret leaves the ticket whatever the workflows then do (a portal outage
 * fails the event and retries it; the retry finds nothing left to redact); (2) if it is a ticket a workflow opened
 * to someone else, hands its new comments to that workflow; otherwise starts the workflows whose start tag it carries
 * (none of their kind running; initiator: the webhook's {@code actor_email}) and hands every running one the comments
 * it has not seen, plus the commands agents' macros left as tags ({@link TicketRuns}). The workflows still read the
 * comments as they were before redaction (a pasted license is validated from memory, see {@link TicketComments}).
 */
public final class TicketDispatcher implements Dispatcher {
    private final Zendesk zendesk;
    private final WorkflowEngine engine;
    private final InstanceStore instances;
    private final List<TicketHandler> handlers;
    private final TicketRuns runs;
    private final Jdbi jdbi;

    public TicketDispatcher(Zendesk zendesk, WorkflowEngine engine, InstanceStore instances, List<TicketHandler> handlers,
                            Database database) {
        this.zendesk = zendesk;
        this.jdbi = database.jdbi();
        this.engine = engine;
        this.instances = instances;
        this.handlers = List.copyOf(handlers);
        this.runs = new TicketRuns(engine, instances);
    }

    @Override
    public Handled dispatch(InboxEvent event) throws Exception {
        try {
            return handle(event);
        } catch (TicketGone gone) {
            return Handled.noop(TicketGone.OUTCOME);
        }
    }

    private Handled handle(InboxEvent event) throws Exception {
        long ticketId = event.ticketId();
        Optional<WebhookTicket> told = WebhookTicket.of(event.payload());
        Optional<InstanceStore.LinkedTicket> linked = instances.linkedTicket(ticketId);
        boolean enoughSaid = told.isPresent() && (linked.isPresent() || !concernsAWorkflow(ticketId, told.get().tags()));
        ZendeskTicket[] read = {enoughSaid ? null : TicketGone.read(ticketId, () -> zendesk.ticket(ticketId))};
        ZendeskTicket ticket = enoughSaid ? told.get().ticket(ticketId) : read[0];
        // Should a workflow start or run after all (another event of the ticket got there first), it reads the ticket.
        Supplier<ZendeskTicket> whole = () -> read[0] != null ? read[0]
                : (read[0] = TicketGone.read(ticketId, () -> zendesk.ticket(ticketId)));
        TicketComments comments = new TicketComments(zendesk, ticket, WebhookComment.of(event.payload()));
        List<String> outcomes = new ArrayList<>();
        for (TicketHandler handler : handlers) {
            Handled handled = handler.handle(ticket, comments);
            jdbi.useTransaction(handled.commit()::apply);
            outcomes.add(handled.outcome());
        }
        List<Handled> done = new ArrayList<>();
        if (linked.isPresent()) linkedTicket(linked.get(), comments).ifPresent(done::add);
        else {
            String initiator = WebhookTicket.actorEmail(event.payload()).map(email -> "email:" + email).orElse(null);
            String actorName = WebhookTicket.actorName(event.payload()).orElse(null);
            for (Workflow<?> workflow : engine.registry().all()) {
                workflow(workflow, ticket, whole, comments, initiator, actorName).ifPresent(done::add);
            }
        }
        done.forEach(d -> outcomes.add(d.outcome()));
        outcomes.removeIf(String::isEmpty);
        return new Handled(outcomes.isEmpty() ? "nothing to do" : String.join("; ", outcomes),
                h -> done.forEach(d -> d.commit().apply(h)));
    }

    /** Whether a workflow runs on the ticket, or would start on it: only then is the whole ticket needed. */
    private boolean concernsAWorkflow(long ticketId, List<String> tags) {
        for (Workflow<?> workflow : engine.registry().all()) {
            if (tags.contains(workflow.startTag()) || instances.running(ticketId, workflow.kind()).isPresent()) return true;
        }
        return false;
    }

    private Optional<Handled> linkedTicket(InstanceStore.LinkedTicket linked, TicketComments comments) throws Exception {
        List<ZendeskComment> fresh = comments.after(linked.commentCursor());
        Instance instance = instances.byId(linked.instanceId()).orElseThrow();
        if (fresh.isEmpty() || instance.finished()) return Optional.empty();
        long cursor = TicketComments.lastId(fresh, linked.commentCursor());
        WorkflowEngine.Advance advance = engine.advance(instance,
                new Event.LinkedTicketUpdated(linked.ticketId(), ZendeskEvents.comments(fresh)),
                ZendeskEvents.bodies(fresh), instance.commentCursor(), "zendesk:ticket-" + linked.ticketId(), List.of());
        return Optional.of(new Handled(advance.outcome(), h -> {
            advance.commit().apply(h);
            InstanceStore.advanceLinkedCursor(h, linked.ticketId(), cursor);
        }));
    }

    private Optional<Handled> workflow(Workflow<?> workflow, ZendeskTicket told, Supplier<ZendeskTicket> whole,
                                       TicketComments comments, String initiator, String actorName) throws Exception {
        boolean startTagged = told.tags().contains(workflow.startTag());
        if (!startTagged && instances.running(told.id(), workflow.kind()).isEmpty()) return Optional.empty();
        ZendeskTicket ticket = whole.get();
        return runs.advance(workflow, ticket, comments, ticket.tags().contains(workflow.startTag()), initiator, actorName);
    }
}
