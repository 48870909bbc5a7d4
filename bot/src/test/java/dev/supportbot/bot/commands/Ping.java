package dev.supportbot.bot.commands;

import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.plugin.LnrCommand;
import dev.supportbot.bot.plugin.SlashCall;
import dev.supportbot.bot.plugin.SlashHandler;
import java.util.List;

/** A plug-in's sub-command as a test registers it: {@code /lnr NAME} answers "pong"; any argument is bad usage. */
record Ping(String name) implements SlashHandler {
    static final String ANSWER = "pong";

    @Override
    public List<LnrCommand> help() {
        return List.of(new LnrCommand("/lnr " + name, "answer " + ANSWER));
    }

    @Override
    public Handled handle(SlashCall call) {
        if (!call.args().isEmpty()) return call.usage();
        return call.answer(name + " answered " + call.initiator(), ANSWER);
    }
}
