package dev.supportbot.bot.commands;

import dev.supportbot.bot.engine.CommandReplies;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.InboxEvent;

/**
 * Answers the person behind one command or click through its response URL, after the commit: the answer is queued
 * in the same transaction as what the command changed, so a decision that cannot commit is never announced.
 */
public record Responder(CommandReplies replies, InboxEvent cause, String responseUrl) {

    /** Changes nothing but the answer. */
    public Handled answer(String outcome, String text) {
        return answer(outcome, h -> {}, text);
    }

    /** {@code work}, then the answer, in one commit. */
    public Handled answer(String outcome, Handled.Commit work, String text) {
        return new Handled(outcome, h -> {
            work.apply(h);
            replies.enqueue(h, cause, responseUrl, text);
        });
    }
}
