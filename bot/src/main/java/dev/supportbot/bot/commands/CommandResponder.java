package dev.supportbot.bot.commands;

import dev.supportbot.bot.engine.CommandReplies;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.InboxEvent;
import dev.supportbot.bot.plugin.Responder;

/** The answer to a command or click, queued by {@link CommandReplies} under the inbox event that carried it. */
record CommandResponder(CommandReplies replies, InboxEvent cause, String responseUrl) implements Responder {

    @Override
    public Handled answer(String outcome, Handled.Commit work, String text) {
        return new Handled(outcome, h -> {
            work.apply(h);
            replies.enqueue(h, cause, responseUrl, text);
        });
    }
}
