package dev.supportbot.bot.engine;

import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import java.util.List;
import java.util.Map;

/** Answers a workflow's portal reads. {@code commentBodies} are the event's comments, in memory only. */
public interface FactFetcher {
    Facts fetch(List<FactRequest<?>> requests, Map<Long, String> commentBodies) throws Exception;

    FactFetcher NONE = (requests, bodies) -> {
        if (!requests.isEmpty()) throw new IllegalStateException("no portal configured to answer " + requests);
        return Facts.none();
    };
}
