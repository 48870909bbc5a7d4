package dev.supportbot.bot.plugin;

import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.InboxEvent;

/**
 * Answers the person behind one command or click through its response URL, after the commit: the answer is queued
 * in the same transaction as what the command changed, so a decision that cannot commit is never announced.
 */
public interface Responder {

    /** The inbox event that carried the command or click; the answer is keyed by it. */
    InboxEvent cause();

    /** Where Slack takes the answer; null or blank when the command came without one. */
    String responseUrl();

    /** {@code work}, then the answer, in one commit. */
    Handled answer(String outcome, Handled.Commit work, String text);

    /** Changes nothing but the answer. */
    default Handled answer(String outcome, String text) {
        return answer(outcome, h -> {}, text);
    }
}
