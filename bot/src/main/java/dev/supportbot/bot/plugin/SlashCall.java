package dev.supportbot.bot.plugin;

import dev.supportbot.bot.inbox.Handled;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One {@code /lnr} command from an agent, as a worker handles it: {@code args} are the words after the sub-command's
 * name. What was typed is never echoed back nor logged. A call has one answer: the answer is keyed by the inbox event,
 * so a second one would fail the commit.
 */
public record SlashCall(String name, List<String> args, String userId, String agent, String channelId, String triggerId,
                        List<LnrCommand> help, Responder responder) {

    public SlashCall {
        args = List.copyOf(args);
        help = List.copyOf(help);
    }

    /** Who gave the command, as instances record who started them (the id alone: it decides who may approve). */
    public String initiator() {
        return "slack:" + userId;
    }

    public Handled answer(String outcome, String text) {
        return responder.answer(outcome, text);
    }

    public Handled answer(String outcome, Handled.Commit work, String text) {
        return responder.answer(outcome, work, text);
    }

    /** True when {@code word} is a ticket id as commands take it. */
    public static boolean isTicket(String word) {
        return word.matches("[1-9][0-9]{0,17}");
    }

    /** The answer to a bad argument: the sub-command's usage lines. */
    public Handled usage() {
        return answer("bad usage of /lnr " + name, usageText(help));
    }

    static String usageText(List<LnrCommand> lines) {
        return "Usage: " + lines.stream().map(l -> "`" + l.usage() + "`").distinct().collect(Collectors.joining(" or "));
    }
}
