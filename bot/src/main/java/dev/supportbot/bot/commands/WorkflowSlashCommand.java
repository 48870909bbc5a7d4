package dev.supportbot.bot.commands;

import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.plugin.LnrCommand;
import dev.supportbot.bot.plugin.SlashCall;
import dev.supportbot.bot.plugin.SlashHandler;
import dev.supportbot.workflows.engine.SlashCommand;
import dev.supportbot.workflows.engine.Workflow;
import dev.supportbot.workflows.engine.WorkflowRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /lnr} sub-commands a workflow offers ({@link Workflow#slashCommands()}), all those of one name:
 * {@code /lnr NAME TICKET [ARGUMENTS]} starts the workflow on the ticket (the arguments, when the workflow takes any,
 * choose its first state: {@link Workflow#initialState(List)}), or gives the running instance the name's command
 * ({@link SlashCommand#direct}); {@code /lnr NAME VERB TICKET} gives the running instance the verb's command.
 */
final class WorkflowSlashCommand implements SlashHandler {
    private final Workflow<?> workflow;
    private final String kind;
    private final String name;
    private final List<SlashCommand> entries;
    private final InstanceCommands commands;

    private WorkflowSlashCommand(Workflow<?> workflow, String name, List<SlashCommand> entries, InstanceCommands commands) {
        this.workflow = workflow;
        this.kind = workflow.kind();
        this.name = name;
        this.entries = List.copyOf(entries);
        this.commands = commands;
    }

    /** One handler per sub-command name of the registered workflows; refuses names or verbs that clash. */
    static List<SlashHandler> of(WorkflowRegistry workflows, InstanceCommands commands) {
        Map<String, String> kindByName = new LinkedHashMap<>();
        Map<String, List<SlashCommand>> byName = new LinkedHashMap<>();
        for (Workflow<?> workflow : workflows.all()) {
            for (SlashCommand command : workflow.slashCommands()) {
                String owner = kindByName.putIfAbsent(command.name(), workflow.kind());
                if (owner != null && !owner.equals(workflow.kind())) {
                    throw new IllegalStateException("/lnr " + command.name() + " is offered by both " + owner + " and " + workflow.kind());
                }
                byName.computeIfAbsent(command.name(), n -> new ArrayList<>()).add(command);
            }
        }
        List<SlashHandler> handlers = new ArrayList<>();
        byName.forEach((name, entries) -> {
            check(name, entries);
            handlers.add(new WorkflowSlashCommand(workflows.forKind(kindByName.get(name)).orElseThrow(), name, entries, commands));
        });
        return handlers;
    }

    private static void check(String name, List<SlashCommand> entries) {
        boolean starting = entries.stream().anyMatch(e -> e.asCommand().isEmpty());
        if (starting && entries.size() > 1) {
            throw new IllegalStateException("/lnr " + name + " both starts a workflow and gives it commands");
        }
        if (entries.stream().anyMatch(e -> e.verb() == null) && entries.size() > 1) {
            throw new IllegalStateException("/lnr " + name + " is both a command of its own and a name for verbs");
        }
        if (entries.stream().map(SlashCommand::verb).distinct().count() < entries.size()) {
            throw new IllegalStateException("/lnr " + name + " has a verb twice");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<LnrCommand> help() {
        return entries.stream().map(e -> new LnrCommand(e.usage(), e.description())).toList();
    }

    @Override
    public Handled handle(SlashCall call) throws Exception {
        List<String> args = call.args();
        SlashCommand only = entries.get(0);
        if (only.verb() == null) {
            if (args.isEmpty() || !isTicket(args.get(0))) return call.usage();
            long ticket = Long.parseLong(args.get(0));
            if (only.asCommand().isPresent()) {
                if (args.size() != 1) return call.usage();
                return commands.give(kind, ticket, only.command(), call.agent(), call.responder());
            }
            List<String> arguments = args.subList(1, args.size());
            if (arguments.size() != only.arguments() || workflow.initialState(arguments).isEmpty()) return call.usage();
            return commands.start(kind, ticket, call.initiator(), arguments, call.responder());
        }
        if (args.size() != 2 || !isTicket(args.get(1))) return call.usage();
        String verb = args.get(0).toLowerCase(Locale.ROOT);
        Optional<SlashCommand> entry = entries.stream().filter(e -> e.verb().equals(verb)).findFirst();
        if (entry.isEmpty()) return call.usage();
        return commands.give(kind, Long.parseLong(args.get(1)), entry.get().command(), call.agent(), call.responder());
    }

    static boolean isTicket(String word) {
        return SlashCall.isTicket(word);
    }
}
