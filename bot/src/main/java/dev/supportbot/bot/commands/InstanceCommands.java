package dev.supportbot.bot.commands;

import dev.supportbot.bot.engine.Instance;
import dev.supportbot.bot.engine.InstanceStore;
import dev.supportbot.bot.engine.StartRequest;
import dev.supportbot.bot.engine.WorkflowEngine;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.bot.plugin.Responder;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Event;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an agent's command or button does to a workflow on a ticket: give the running instance a {@link Command}, or
 * ask for a new instance ({@link StartRequest}). Either is committed with its answer, never answered before.
 */
final class InstanceCommands {
    private final WorkflowEngine engine;
    private final InstanceStore instances;
    private final Clock clock;

    InstanceCommands(WorkflowEngine engine, InstanceStore instances, Clock clock) {
        this.engine = engine;
        this.instances = instances;
        this.clock = clock;
    }

    Handled give(String kind, long ticketId, Command command, String agent, Responder responder) throws Exception {
        Optional<Instance> running = instances.find(ticketId, kind).filter(i -> !i.finished());
        if (running.isEmpty()) {
            return responder.answer("no running " + kind + " on ticket " + ticketId,
                    "Ticket " + ticketId + " has no " + label(kind) + " in progress.");
        }
        Instance instance = running.get();
        WorkflowEngine.Advance advance = engine.advance(instance, new Event.AgentCommand(command, agent), Map.of(),
                instance.commentCursor(), agent, List.of());
        String text = advance.after().version() == instance.version()
                ? "Ticket " + ticketId + ": " + command.verb() + " changes nothing at this stage of its " + label(kind) + "."
                : "Ticket " + ticketId + ": " + command.verb() + " recorded.";
        return responder.answer(advance.outcome(), advance.commit(), text);
    }

    /**
     * Gives each of the running instances (of one ticket) the command as the agent, in one commit with one answer: a
     * line per instance.
     */
    Handled giveEach(List<Instance> running, Command command, String agent, Responder responder) throws Exception {
        List<Handled.Commit> commits = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Instance instance : running) {
            WorkflowEngine.Advance advance = engine.advance(instance, new Event.AgentCommand(command, agent), Map.of(),
                    instance.commentCursor(), agent, List.of());
            commits.add(advance.commit());
            outcomes.add(advance.outcome());
            lines.add("Ticket " + instance.ticketId() + ", " + label(instance.kind()) + ": " + command.verb()
                    + (advance.after().version() == instance.version() ? " changes nothing at this stage." : " recorded."));
        }
        return responder.answer(String.join("; ", outcomes), h -> commits.forEach(c -> c.apply(h)), String.join("\n", lines));
    }

    Handled start(String kind, long ticketId, String initiator, List<String> arguments, Responder responder) {
        if (instances.find(ticketId, kind).filter(i -> !i.finished()).isPresent()) {
            return responder.answer(kind + " already running on ticket " + ticketId,
                    "Ticket " + ticketId + " already has " + article(label(kind)) + " in progress.");
        }
        String payload = engine.json().write(new StartRequest(ticketId, kind, initiator, arguments), StartRequest.class);
        String dedupKey = "start:" + responder.cause().source() + ":" + responder.cause().id();
        return responder.answer("start of " + kind + " on ticket " + ticketId + " requested by " + initiator,
                h -> Inbox.enqueue(h, new NewInboxEvent(StartRequest.SOURCE, dedupKey, kind, ticketId, payload), clock.instant()),
                "Ticket " + ticketId + ": " + label(kind) + " requested.");
    }

    /** {@code ownership_verification} as people say it. */
    static String label(String kind) {
        return kind.replace('_', ' ');
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
