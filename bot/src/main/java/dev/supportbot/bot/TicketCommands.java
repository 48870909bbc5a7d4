package dev.supportbot.bot;

import dev.supportbot.bot.commands.CancelCommand;
import dev.supportbot.bot.commands.SlashHandler;
import dev.supportbot.bot.engine.EnginePlugin;
import dev.supportbot.bot.runs.RunCommands;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code /lnr} sub-commands about the workflows running on tickets, whatever their kind: {@code status},
 * {@code pending} and {@code cancel}. (A workflow's own sub-commands, e.g. {@code verify} and {@code escalate}, come
 * from its {@code slashCommands()}.)
 */
public final class TicketCommands implements BotPlugin {
    private final EnginePlugin engine;
    private List<SlashHandler> handlers = List.of();

    TicketCommands(EnginePlugin engine) {
        this.engine = engine;
    }

    @Override
    public void init(SupportBot.Context context) {
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
