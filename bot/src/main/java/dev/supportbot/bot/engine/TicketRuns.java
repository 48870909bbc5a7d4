package dev.supportbot.bot.engine;

import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.zendesk.ZendeskComment;
import dev.supportbot.bot.zendesk.ZendeskTicket;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.Ticket;
import dev.supportbot.workflows.engine.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Hands a ticket to one workflow: starts a run when asked to and none is running, then gives the running instance
 * the comments it has not seen and the commands agents' macros left as tags. Start and command tags are consumed:
 * the first decision's ticket update removes them, so a macro applied again starts (or commands) again.
 */
final class TicketRuns {
    static final String MACRO_AGENT = "an agent (Zendesk macro)";

    private final WorkflowEngine engine;
    private final InstanceStore instances;

    TicketRuns(WorkflowEngine engine, InstanceStore instances) {
        this.engine = engine;
        this.instances = instances;
    }

    /**
     * Advances the run of {@code workflow} on the ticket; when none is running, starts one for {@code initiator} if
     * {@code start}, else does nothing. A start while a run is going is ignored (its tag still removed). Command tags
     * are given as the command of {@code initiator} when that is a Zendesk agent ({@code email:...}, the webhook's
     * actor, named {@code actorName} when the trigger sends a name), else of "an agent (Zendesk macro)".
     */
    Optional<Handled> advance(Workflow<?> workflow, ZendeskTicket ticket, TicketComments comments, boolean start,
                              String initiator, String actorName) throws Exception {
        return advance(workflow, ticket, comments, start, initiator, actorName, List.of());
    }

    /** As above; a run it starts begins in the workflow's state for the start command's {@code arguments}. */
    <S> Optional<Handled> advance(Workflow<S> workflow, ZendeskTicket ticket, TicketComments comments, boolean start,
                                  String initiator, String actorName, List<String> arguments) throws Exception {
        Optional<Instance> running = instances.running(ticket.id(), workflow.kind());
        if (running.isEmpty() && !start) return Optional.empty();
        Instance instance = running.orElseGet(() -> instances.create(ticket.id(), workflow.kind(),
                engine.json().write(workflow.initialState(arguments).orElseThrow(() -> new IllegalArgumentException(
                        "arguments that " + workflow.kind() + " does not take")), workflow.stateType()), initiator));
        // A run exists only because someone asked for it (tag, command, another workflow), so until its first decision
        // it sees its start tag on the ticket, as the workflow's own check that it was asked to start expects; also
        // when that first decision is retried after the tag was already removed, or comes with the next webhook.
        Ticket seen = ZendeskEvents.ticket(ticket);
        if (instance.version() == 0 && !seen.hasTag(workflow.startTag())) seen = withTag(seen, workflow.startTag());

        List<ZendeskComment> fresh = comments.after(instance.commentCursor());
        Map<String, Command> commands = new TreeMap<>(workflow.commandTags());
        commands.keySet().retainAll(Set.copyOf(ticket.tags()));
        Set<String> consumed = new TreeSet<>(commands.keySet());
        if (ticket.tags().contains(workflow.startTag())) consumed.add(workflow.startTag());
        List<Effect> removeTags = consumed.isEmpty() ? List.of() : List.of(new Effect.RemoveTags(consumed));

        WorkflowEngine.Advance advance = engine.advance(instance,
                new Event.TicketUpdated(seen, ZendeskEvents.comments(fresh)),
                ZendeskEvents.bodies(fresh), TicketComments.lastId(fresh, instance.commentCursor()),
                "zendesk:ticket-" + ticket.id(), removeTags);
        List<WorkflowEngine.Advance> steps = new ArrayList<>(List.of(advance));
        // The agent who applied a command macro: the webhook's actor (email:...) when it names one.
        String agent = initiator != null && initiator.startsWith("email:")
                ? initiator + (actorName == null ? "" : " " + actorName) : MACRO_AGENT;
        for (Command command : commands.values()) {
            advance = engine.advance(advance.after(), new Event.AgentCommand(command, agent), Map.of(),
                    advance.after().commentCursor(), "zendesk:macro", List.of());
            steps.add(advance);
        }
        String outcome = String.join("; ", steps.stream().map(WorkflowEngine.Advance::outcome).toList());
        return Optional.of(new Handled(outcome, h -> steps.forEach(s -> s.commit().apply(h))));
    }

    private static Ticket withTag(Ticket ticket, String tag) {
        Set<String> tags = new TreeSet<>(ticket.tags());
        tags.add(tag);
        return new Ticket(ticket.id(), ticket.subject(), ticket.description(), ticket.requester(), tags, ticket.status());
    }
}
