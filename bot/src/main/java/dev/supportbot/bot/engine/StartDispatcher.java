package dev.supportbot.bot.engine;

import dev.supportbot.bot.inbox.Dispatcher;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.InboxEvent;
import dev.supportbot.bot.zendesk.Zendesk;
import dev.supportbot.bot.zendesk.ZendeskTicket;
import dev.supportbot.workflows.engine.Workflow;

/**
 * A {@link StartRequest} (a {@code /lnr} command, another workflow's {@code StartWorkflow}): reads the ticket and
 * starts a run of the workflow for the request's initiator, then advances it as a start tag would; does nothing when
 * one of that kind is running on the ticket already.
 */
public final class StartDispatcher implements Dispatcher {
    private final Zendesk zendesk;
    private final WorkflowEngine engine;
    private final InstanceStore instances;
    private final TicketRuns runs;

    public StartDispatcher(Zendesk zendesk, WorkflowEngine engine, InstanceStore instances) {
        this.zendesk = zendesk;
        this.engine = engine;
        this.instances = instances;
        this.runs = new TicketRuns(engine, instances);
    }

    @Override
    public Handled dispatch(InboxEvent event) throws Exception {
        StartRequest request = engine.json().read(event.payload(), StartRequest.class);
        Workflow<?> workflow = engine.registry().forKind(request.kind()).orElse(null);
        if (workflow == null) return Handled.noop("no workflow of kind " + request.kind() + " to start");
        if (instances.running(request.ticketId(), request.kind()).isPresent()) {
            return Handled.noop(request.kind() + " already runs on ticket " + request.ticketId());
        }
        if (workflow.initialState(request.arguments()).isEmpty()) {
            return Handled.noop(request.kind() + " does not take the start request's arguments");
        }
        ZendeskTicket ticket = zendesk.ticket(request.ticketId());
        return runs.advance(workflow, ticket, new TicketComments(zendesk, ticket), true, request.initiator(), null, request.arguments())
                .orElseGet(() -> Handled.noop("nothing to do"));
    }
}
