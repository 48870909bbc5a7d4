package dev.supportbot.bot.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.engine.CommandReplies;
import dev.supportbot.bot.engine.InstanceStore;
import dev.supportbot.bot.engine.WorkflowEngine;
import dev.supportbot.bot.inbox.Dispatcher;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.InboxEvent;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.plugin.ClickHandler.Click;
import dev.supportbot.bot.plugin.ClickHandler;
import dev.supportbot.bot.plugin.LnrCommand;
import dev.supportbot.bot.plugin.Responder;
import dev.supportbot.bot.plugin.SlashCall;
import dev.supportbot.bot.plugin.SlashHandler;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Workflow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Slack events the intake stored (source {@code slack}): {@code /lnr} commands and button clicks, handled by a
 * worker. Every sub-command and every button action id is registered once, checked when the router is built: the
 * workflows' own ({@link Workflow#slashCommands()}, {@link Workflow#buttonActions()}) and the plug-ins'
 * ({@link SlashHandler}, {@link ClickHandler}). Only the configured agents may run commands or press a workflow's
 * buttons; a click for a {@link ClickHandler} is left to it (approvers need not be agents) unless it asks for agents
 * only ({@link ClickHandler#agentsOnly()}). Every answer is queued in the commit of what the command changed.
 */
public final class CommandRouter implements Dispatcher {
    static final String HELP = "help";
    static final LnrCommand HELP_LINE = new LnrCommand("/lnr help", "list the commands");
    static final String REFUSAL = "Sorry, you are not allowed to run supportbot commands.";
    static final String UNKNOWN = "Usage: `/lnr COMMAND [ARGUMENTS]`; `/lnr help` lists the commands.";

    private final Agents agents;
    private final CommandReplies replies;
    private final InstanceCommands instances;
    private final Map<String, SlashHandler> slash = new LinkedHashMap<>();
    private final Map<String, ClickHandler> clicks = new LinkedHashMap<>();
    private final Map<String, WorkflowButton> buttons = new LinkedHashMap<>();

    /** A workflow's button: a click gives the running instance on the ticket named by the button's value a command. */
    record WorkflowButton(String kind, Command command) {}

    private CommandRouter(Agents agents, CommandReplies replies, InstanceCommands instances) {
        this.agents = agents;
        this.replies = replies;
        this.instances = instances;
    }

    /**
     * The router of the engine's workflows plus the plug-ins' sub-commands and click handlers.
     *
     * @throws IllegalStateException when a sub-command name or a button action id is registered twice
     */
    public static CommandRouter of(WorkflowEngine engine, InstanceStore store, Clock clock, Collection<String> agents,
            List<SlashHandler> slashHandlers, List<ClickHandler> clickHandlers) {
        return of(engine, store, clock, Agents.listed(agents), slashHandlers, clickHandlers);
    }

    /** {@link #of(WorkflowEngine, InstanceStore, Clock, Collection, List, List)} with agents by id and user group. */
    public static CommandRouter of(WorkflowEngine engine, InstanceStore store, Clock clock, Agents agents,
            List<SlashHandler> slashHandlers, List<ClickHandler> clickHandlers) {
        InstanceCommands instances = new InstanceCommands(engine, store, clock);
        CommandRouter router = new CommandRouter(agents, new CommandReplies(engine), instances);
        List<SlashHandler> all = new ArrayList<>(WorkflowSlashCommand.of(engine.registry(), instances));
        all.addAll(slashHandlers);
        all.forEach(router::register);
        for (Workflow<?> workflow : engine.registry().all()) {
            workflow.buttonActions().forEach((actionId, command) -> {
                router.claim(actionId, workflow.kind());
                router.buttons.put(actionId, new WorkflowButton(workflow.kind(), command));
            });
        }
        for (ClickHandler handler : clickHandlers) {
            for (String actionId : handler.actionIds()) {
                router.claim(actionId, handler.getClass().getSimpleName());
                router.clicks.put(actionId, handler);
            }
        }
        return router;
    }

    private void register(SlashHandler handler) {
        String name = handler.name();
        if (!name.matches("[a-z][a-z0-9-]{0,29}")) throw new IllegalStateException("not a /lnr sub-command name: " + name);
        if (HELP.equals(name) || slash.putIfAbsent(name, handler) != null) {
            throw new IllegalStateException("/lnr " + name + " is registered twice");
        }
    }

    private void claim(String actionId, String by) {
        if (clicks.containsKey(actionId) || buttons.containsKey(actionId)) {
            throw new IllegalStateException("button action id " + actionId + " is registered twice (again by " + by + ")");
        }
    }

    /** Every sub-command's help line, {@code help} first, in registration order. */
    public List<LnrCommand> commands() {
        List<LnrCommand> lines = new ArrayList<>(List.of(HELP_LINE));
        slash.values().forEach(h -> lines.addAll(h.help()));
        return lines;
    }

    String helpText() {
        StringBuilder out = new StringBuilder("*supportbot commands*");
        for (LnrCommand line : commands()) out.append("\n• `").append(line.usage()).append("`: ").append(line.description());
        return out.toString();
    }

    @Override
    public Handled dispatch(InboxEvent event) throws Exception {
        JsonNode payload = Json.MAPPER.readTree(event.payload());
        return switch (payload.path("type").asText()) {
            case "slash_command" -> command(event, payload);
            case "block_action" -> click(event, payload);
            default -> Handled.noop("not a Slack command or click: nothing done");
        };
    }

    private Handled command(InboxEvent event, JsonNode payload) throws Exception {
        String userId = payload.path("user_id").asText("");
        Responder responder = new CommandResponder(replies, event, payload.path("response_url").asText(null));
        if (!agents.includes(userId)) {
            return responder.answer("refused /lnr from " + (userId.isEmpty() ? "an unknown user" : userId) + ": not an agent", REFUSAL);
        }
        String text = payload.path("text").asText("").strip();
        List<String> words = text.isEmpty() ? List.of(HELP) : Arrays.asList(text.split("\\s+"));
        String name = words.get(0).toLowerCase(Locale.ROOT);
        if (HELP.equals(name)) return responder.answer("/lnr help", helpText());
        SlashHandler handler = slash.get(name);
        if (handler == null) return responder.answer("unknown /lnr sub-command", UNKNOWN);
        return handler.handle(new SlashCall(name, words.subList(1, words.size()), userId, agents.named(userId),
                payload.path("channel_id").asText(null), payload.path("trigger_id").asText(null), handler.help(), responder));
    }

    private Handled click(InboxEvent event, JsonNode payload) throws Exception {
        Click click = new Click(payload.path("action_id").asText(""), payload.path("value").asText(null),
                payload.path("user_id").asText(""), payload.path("channel_id").asText(null),
                payload.path("message_ts").asText(null), payload.path("response_url").asText(null),
                payload.path("trigger_id").asText(null));
        Responder responder = new CommandResponder(replies, event, click.responseUrl());
        ClickHandler handler = clicks.get(click.actionId());
        if (handler != null) {
            Optional<String> onlyAgents = handler.agentsOnly();
            if (onlyAgents.isPresent() && !agents.includes(click.userId())) {
                return responder.answer("refused a " + click.actionId() + " click from " + click.userId() + ": not an agent", onlyAgents.get());
            }
            return handler.handle(click, event);
        }
        WorkflowButton button = buttons.get(click.actionId());
        if (button == null) return Handled.noop("no handler for this button's action id: nothing done");
        if (!agents.includes(click.userId())) {
            return responder.answer("refused a " + button.kind() + " button from " + click.userId() + ": not an agent", REFUSAL);
        }
        if (click.value() == null || !WorkflowSlashCommand.isTicket(click.value())) {
            return Handled.noop("a " + button.kind() + " button without a ticket id: nothing done");
        }
        return instances.give(button.kind(), Long.parseLong(click.value()), button.command(), agents.named(click.userId()), responder);
    }
}
