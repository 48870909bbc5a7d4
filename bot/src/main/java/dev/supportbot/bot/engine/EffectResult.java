package dev.supportbot.bot.engine;

import java.util.Map;

/** The outcome of a keyed effect, queued back to its instance as an event. */
public record EffectResult(long instanceId, long ticketId, String key, boolean succeeded, Map<String, String> result, String reason) {
    public static final String SOURCE = "result";
}
