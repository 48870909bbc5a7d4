package dev.supportbot.bot.engine;

import dev.supportbot.workflows.ownership.OwnershipCommands;
import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.inbox.Dispatcher;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.InboxEvent;
import dev.supportbot.bot.slack.LnrCommand;
import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Event;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /lnr ov <action> <ticket>}: an agent's command to the ownership verification of a ticket, answered
 * through the command's response URL. The agent is recorded by Slack user id, never by name.
 */
public final class SlackCommandDispatcher implements Dispatcher {
    public static final LnrCommand OV = new LnrCommand("ov", "/lnr ov <confirm-contract|escalate|reject|cancel> TICKET",
            "an agent's decision on a ticket's ownership verification", true);
    private static final Map<String, Command> ACTIONS = Map.of(
            "confirm-contract", OwnershipCommands.CONFIRM_CONTRACT, "escalate", OwnershipCommands.ESCALATE,
            "reject", OwnershipCommands.REJECT, "cancel", Command.CANCEL);
    private static final Logger log = LoggerFactory.getLogger(SlackCommandDispatcher.class);

    private final WorkflowEngine engine;
    private final InstanceStore instances;
    private final SlackNotifier slack;
    private final String kind;
    private final Set<String> agents;

    public SlackCommandDispatcher(WorkflowEngine engine, InstanceStore instances, SlackNotifier slack, String ownershipKind,
            Collection<String> agentSlackIds) {
        this.engine = engine;
        this.instances = instances;
        this.slack = slack;
        this.kind = ownershipKind;
        this.agents = Set.copyOf(agentSlackIds);
    }

    @Override
    public Handled dispatch(InboxEvent event) throws Exception {
        JsonNode payload = engine.json().mapper().readTree(event.payload());
        if (!"slash_command".equals(payload.path("type").asText()) || !OV.name().equals(payload.path("command").asText())) {
            return Handled.noop("no handler for " + event.eventType());
        }
        String responseUrl = payload.path("response_url").asText(null);
        String userId = payload.path("user_id").asText("");
        if (!agents.contains(userId)) {
            answer(responseUrl, "Only the support agents configured in BOT_SLACK_AGENTS can give `/lnr ov` commands.");
            return Handled.noop("refused /lnr ov from " + (userId.isEmpty() ? "an unknown user" : userId) + ": not an agent");
        }
        String[] words = payload.path("text").asText("").trim().split("\\s+");
        Command command = words.length == 3 ? ACTIONS.get(words[1]) : null;
        if (command == null || !words[2].matches("\\d{1,18}")) {
            answer(responseUrl, "Usage: `" + OV.usage() + "`");
            return Handled.noop("bad usage of /lnr ov");
        }
        long ticketId = Long.parseLong(words[2]);
        Optional<Instance> instance = instances.find(ticketId, kind);
        if (instance.isEmpty() || instance.get().finished()) {
            answer(responseUrl, "Ticket " + ticketId + " has no ownership verification in progress.");
            return Handled.noop("no running " + kind + " on ticket " + ticketId);
        }
        String agent = "slack:" + userId;
        WorkflowEngine.Advance advance = engine.advance(instance.get(), new Event.AgentCommand(command, agent), Map.of(),
                instance.get().commentCursor(), agent, List.of());
        answer(responseUrl, "Ticket " + ticketId + ": " + words[1] + " recorded.");
        return new Handled(advance.outcome(), advance.commit());
    }

    /** Best effort: the answer is a courtesy; the command itself is durable in the inbox either way. */
    private void answer(String responseUrl, String text) {
        if (responseUrl == null || responseUrl.isBlank()) return;
        try {
            slack.respond(responseUrl, SlackMessage.text(text));
        } catch (RuntimeException e) {
            log.warn("could not answer a Slack command: {}", e.getMessage());
        }
    }
}
