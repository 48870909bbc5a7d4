package dev.supportbot.bot.engine;

import dev.supportbot.workflows.engine.FactRequest;
import java.util.Map;

/**
 * Answers one kind of {@link FactRequest}: a value of the request's result type, or null for "not found". Every
 * permitted request type has exactly one source, checked when the engine is built. {@code commentBodies} are the
 * event's comments, in memory only.
 */
public interface FactSource<R extends FactRequest<?>> {

    Class<R> type();

    Object answer(R request, Map<Long, String> commentBodies);
}
