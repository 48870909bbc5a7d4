package dev.supportbot.bot.commands;

import dev.supportbot.bot.engine.Instance;
import dev.supportbot.bot.engine.InstanceStore;
import dev.supportbot.bot.engine.WorkflowEngine;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.plugin.LnrCommand;
import dev.supportbot.bot.plugin.SlashCall;
import dev.supportbot.bot.plugin.SlashHandler;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Workflow;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /lnr cancel TICKET [KIND]}: gives {@link Command#CANCEL} to every workflow running on the ticket, or only to
 * the one of {@code KIND} (its kind, e.g. {@code add_contact}; {@code add-contact} alike), in one commit.
 */
public final class CancelCommand implements SlashHandler {
    private final WorkflowEngine engine;
    private final InstanceStore store;
    private final InstanceCommands commands;

    public CancelCommand(WorkflowEngine engine, InstanceStore store, Clock clock) {
        this.engine = engine;
        this.store = store;
        this.commands = new InstanceCommands(engine, store, clock);
    }

    @Override
    public String name() {
        return "cancel";
    }

    @Override
    public List<LnrCommand> help() {
        String kinds = engine.registry().all().stream().map(Workflow::kind).collect(Collectors.joining(", "));
        return List.of(new LnrCommand("/lnr cancel TICKET [KIND]",
                "stop every workflow running on a ticket, or only the one of KIND (" + kinds + ")"));
    }

    @Override
    public Handled handle(SlashCall call) throws Exception {
        List<String> args = call.args();
        if (args.isEmpty() || args.size() > 2 || !WorkflowSlashCommand.isTicket(args.get(0))) return call.usage();
        long ticket = Long.parseLong(args.get(0));
        if (args.size() == 2) {
            Optional<Workflow<?>> workflow = engine.registry().forKind(args.get(1).toLowerCase(Locale.ROOT).replace('-', '_'));
            if (workflow.isEmpty()) return call.usage();
            return commands.give(workflow.get().kind(), ticket, Command.CANCEL, call.agent(), call.responder());
        }
        List<Instance> running = store.forTicket(ticket).stream().filter(i -> !i.finished()).toList();
        if (running.isEmpty()) return call.answer("no workflow running on ticket " + ticket, "Ticket " + ticket + " has no workflow in progress.");
        return commands.giveEach(running, Command.CANCEL, call.agent(), call.responder());
    }
}
