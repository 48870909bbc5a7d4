package dev.supportbot.bot.engine;

import dev.supportbot.bot.inbox.InboxEvent;
import dev.supportbot.workflows.engine.Effect;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Answers to the person who gave a command or clicked a button, sent after the commit of what they caused: queued
 * as a {@link Effect.ReplyToCommand} effect in that same transaction, keyed by the inbox event that carried the
 * command (so a retried event cannot answer twice).
 */
public final class CommandReplies {
    private final Queue queue;

    public CommandReplies(WorkflowEngine engine) {
        this.queue = engine.queue();
    }

    /** Does nothing without a {@code replyTo} (a command that came without a response URL). */
    public void enqueue(Handle h, InboxEvent cause, String replyTo, String text) {
        if (replyTo == null || replyTo.isBlank()) return;
        queue.effects(h, null, 0, cause.id(), List.of(new Effect.ReplyToCommand(replyTo, text)));
    }
}
