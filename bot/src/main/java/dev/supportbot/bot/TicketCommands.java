package dev.supportbot.bot;

import dev.supportbot.bot.commands.CancelCommand;
import dev.supportbot.bot.engine.EnginePlugin;
import dev.supportbot.bot.plugin.BotPlugin;
import dev.supportbot.bot.plugin.Context;
import dev.supportbot.bot.plugin.SlashHandler;
import dev.supportbot.bot.runs.RunCommands;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code /lnr} sub-commands about the workflows running on tickets, whatever their kind: {@code status},
 * {@code pending} and {@code cancel}. (A workflow's own sub-commands, e.g. {@code verify} and {@code escalate}, come
 * from its {@code slashCommands()}.)
 */
public final class TicketCommands implements BotPlugin {
    private final List<SlashHandler> handlers;

    TicketCommands(Context context, EnginePlugin engine) {
        List<SlashHandler> all = new ArrayList<>(RunCommands.of(engine.engine(), engine.instances(), context.database(),
                engine.reminders()::next));
        all.add(new CancelCommand(engine.engine(), engine.instances(), context.clock()));
        handlers = List.copyOf(all);
    }

    @Override
    public List<SlashHandler> slashHandlers() {
        return handlers;
    }
}
