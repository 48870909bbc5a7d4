package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answers fact requests from a map, as the bot answers them from the portal; unknown means not found. */
final class FakePortal {
    private final Map<FactRequest<?>, Object> data = new HashMap<>();
    final List<FactRequest<?>> asked = new ArrayList<>();

    <T> FakePortal with(FactRequest<T> request, T value) {
        data.put(request, value);
        return this;
    }

    Facts answer(List<FactRequest<?>> requests) {
        Facts.Builder facts = Facts.builder();
        for (FactRequest<?> r : requests) {
            asked.add(r);
            facts.put(r, data.get(r));
        }
        return facts.build();
    }
}
