package dev.supportbot.bot.engine;

import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Exactly one {@link FactSource} for every record {@link FactRequest} permits, checked when built; answers a
 * decision's requests. {@code commentBodies} are the event's comments, in memory only.
 */
public final class FactSources {
    private final Map<Class<?>, FactSource<?>> byType = new LinkedHashMap<>();

    private FactSources(List<FactSource<?>> sources) {
        List<Class<?>> leaves = SealedTypes.leaves(FactRequest.class);
        for (FactSource<?> source : sources) {
            if (!leaves.contains(source.type())) {
                throw new IllegalArgumentException("not a fact request record: " + source.type().getName());
            }
            if (byType.putIfAbsent(source.type(), source) != null) {
                throw new IllegalArgumentException("two sources for " + SealedTypes.name(source.type()));
            }
        }
        List<String> missing = leaves.stream().filter(t -> !byType.containsKey(t)).map(SealedTypes::name).toList();
        if (!missing.isEmpty()) throw new IllegalStateException("no fact source for " + String.join(", ", missing));
    }

    public static FactSources of(List<FactSource<?>> sources) {
        return new FactSources(sources);
    }

    /** A source answering {@code type} with {@code answer}. */
    public static <R extends FactRequest<?>> FactSource<R> source(Class<R> type, BiFunction<R, Map<Long, String>, Object> answer) {
        return new FactSource<>() {
            @Override
            public Class<R> type() {
                return type;
            }

            @Override
            public Object answer(R request, Map<Long, String> commentBodies) {
                return answer.apply(request, commentBodies);
            }
        };
    }

    Facts fetch(List<FactRequest<?>> requests, Map<Long, String> commentBodies) {
        Facts.Builder facts = Facts.builder();
        for (FactRequest<?> request : requests) facts.put(request, answer(byType.get(request.getClass()), request, commentBodies));
        return facts.build();
    }

    @SuppressWarnings("unchecked")
    private static <R extends FactRequest<?>> Object answer(FactSource<R> source, FactRequest<?> request, Map<Long, String> bodies) {
        return source.answer((R) request, bodies);
    }
}
