package dev.supportbot.bot.inbox;

import org.jdbi.v3.core.Handle;

/**
 * What a dispatcher did with an event: a short outcome for operators (e.g. {@code no handler},
 * {@code ownership_verification v3}) and the database work to commit with the event's completion.
 */
public record Handled(String outcome, Commit commit) {

    @FunctionalInterface
    public interface Commit {
        void apply(Handle handle);
    }

    public static Handled noop(String outcome) {
        return new Handled(outcome, handle -> {});
    }
}
