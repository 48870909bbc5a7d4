package dev.supportbot.bot.engine;

import dev.supportbot.bot.inbox.Dispatcher;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.InboxEvent;
import dev.supportbot.bot.zendesk.Zendesk;
import dev.supportbot.bot.zendesk.ZendeskComment;
import dev.supportbot.bot.zendesk.ZendeskTicket;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A Zendesk ticket webhook: reads the ticket once when a workflow needs it (otherwise what the webhook body says of
 * it will do), and the comments no one has seen yet once, then (1) if it is a ticket a workflow opened to someone else,
 * hands its new comments to that workflow; otherwise starts the workflows whose start tag it carries and hands
 * every running one the comments it has not seen, plus the commands agents' macros left as tags; (2) runs the
 * other ticket handlers (redaction). Workflows go first: they read a pasted license before it is redacted.
 */
public final class TicketDispatcher implements Dispatcher {
    static final String MACRO_AGENT = "an agent (Zendesk macro)";

    private final Zendesk zendesk;
    private final WorkflowEngine engine;
    private final InstanceStore instances;
    private final List<TicketHandler> handlers;

    public TicketDispatcher(Zendesk zendesk, WorkflowEngine engine, InstanceStore instances, List<TicketHandler> handlers) {
        this.zendesk = zendesk;
        this.engine = engine;
        this.instances = instances;
        this.handlers = List.copyOf(handlers);
    }

    @Override
    public Handled dispatch(InboxEvent event) throws Exception {
        long ticketId = event.ticketId();
        Optional<WebhookTicket> told = WebhookTicket.of(event.payload());
        Optional<InstanceStore.LinkedTicket> linked = instances.linkedTicket(ticketId);
        boolean enoughSaid = told.isPresent() && (linked.isPresent() || !concernsAWorkflow(ticketId, told.get().tags()));
        ZendeskTicket[] read = {enoughSaid ? null : zendesk.ticket(ticketId)};
        ZendeskTicket ticket = enoughSaid ? told.get().ticket(ticketId) : read[0];
        // Should a workflow start or run after all (another event of the ticket got there first), it reads the ticket.
        Supplier<ZendeskTicket> whole = () -> read[0] != null ? read[0] : (read[0] = zendesk.ticket(ticketId));
        TicketComments comments = new TicketComments(zendesk, ticket);
        List<Handled> done = new ArrayList<>();
        if (linked.isPresent()) linkedTicket(linked.get(), comments).ifPresent(done::add);
        else for (Workflow<?> workflow : engine.registry().all()) workflow(workflow, ticket, whole, comments).ifPresent(done::add);
        for (TicketHandler handler : handlers) done.add(handler.handle(ticket, comments));
        List<String> outcomes = done.stream().map(Handled::outcome).filter(o -> !o.isEmpty()).toList();
        return new Handled(outcomes.isEmpty() ? "nothing to do" : String.join("; ", outcomes),
                h -> done.forEach(d -> d.commit().apply(h)));
    }

    /** Whether a workflow runs on the ticket, or would start on it: only then is the whole ticket needed. */
    private boolean concernsAWorkflow(long ticketId, List<String> tags) {
        for (Workflow<?> workflow : engine.registry().all()) {
            Optional<Instance> existing = instances.find(ticketId, workflow.kind());
            if (existing.isPresent() ? !existing.get().finished() : tags.contains(workflow.startTag())) return true;
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
                                       TicketComments comments) throws Exception {
        Optional<Instance> existing = instances.find(told.id(), workflow.kind());
        if (existing.isEmpty() && !told.tags().contains(workflow.startTag())) return Optional.empty();
        if (existing.isPresent() && existing.get().finished()) return Optional.empty();
        ZendeskTicket ticket = whole.get();
        Instance instance = existing.orElseGet(() -> instances.create(ticket.id(), workflow.kind(),
                engine.json().write(workflow.initialState(), workflow.stateType())));
        if (instance.finished()) return Optional.empty();

        List<ZendeskComment> fresh = comments.after(instance.commentCursor());
        Map<String, Command> commands = new TreeMap<>(workflow.commandTags());
        commands.keySet().retainAll(Set.copyOf(ticket.tags()));
        List<Effect> clearCommandTags = commands.isEmpty() ? List.of() : List.of(new Effect.RemoveTags(commands.keySet()));

        WorkflowEngine.Advance advance = engine.advance(instance,
                new Event.TicketUpdated(ZendeskEvents.ticket(ticket), ZendeskEvents.comments(fresh)),
                ZendeskEvents.bodies(fresh), TicketComments.lastId(fresh, instance.commentCursor()),
                "zendesk:ticket-" + ticket.id(), clearCommandTags);
        List<WorkflowEngine.Advance> steps = new ArrayList<>(List.of(advance));
        for (Command command : commands.values()) {
            advance = engine.advance(advance.after(), new Event.AgentCommand(command, MACRO_AGENT), Map.of(),
                    advance.after().commentCursor(), "zendesk:macro", List.of());
            steps.add(advance);
        }
        String outcome = String.join("; ", steps.stream().map(WorkflowEngine.Advance::outcome).toList());
        return Optional.of(new Handled(outcome, h -> steps.forEach(s -> s.commit().apply(h))));
    }
}
