package dev.supportbot.workflows.engine;

/**
 * An effect whose result the workflow waits for: the bot echoes {@link #key()} in the
 * {@link Event.EffectSucceeded} or {@link Event.EffectFailed} it feeds back.
 */
public interface ResultKeyed {
    String key();
}
