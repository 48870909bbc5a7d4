package dev.supportbot.bot.engine;

import dev.supportbot.workflows.engine.Effect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exactly one {@link EffectHandler} for every record {@link Effect} permits. Checked when built, so an effect
 * added to the workflows without a handler stops the service at start-up instead of failing when it first runs.
 */
public final class EffectHandlers {
    private final Map<Class<?>, EffectHandler<?>> byType = new LinkedHashMap<>();

    private EffectHandlers(List<EffectHandler<?>> handlers) {
        List<Class<?>> leaves = SealedTypes.leaves(Effect.class);
        for (EffectHandler<?> handler : handlers) {
            if (!leaves.contains(handler.type())) {
                throw new IllegalArgumentException("not an effect record: " + handler.type().getName());
            }
            if (byType.putIfAbsent(handler.type(), handler) != null) {
                throw new IllegalArgumentException("two handlers for " + SealedTypes.name(handler.type()));
            }
        }
        List<String> missing = leaves.stream().filter(t -> !byType.containsKey(t)).map(SealedTypes::name).toList();
        if (!missing.isEmpty()) throw new IllegalStateException("no effect handler for " + String.join(", ", missing));
    }

    public static EffectHandlers of(List<EffectHandler<?>> handlers) {
        return new EffectHandlers(handlers);
    }

    /** Runs the step's effect with its handler; {@code retry} is true when an earlier attempt may have got through. */
    EffectHandler.Ran run(EffectStep step, boolean retry) {
        return run(byType.get(step.effect().getClass()), step, retry);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Effect> EffectHandler.Ran run(EffectHandler<E> handler, EffectStep step, boolean retry) {
        return handler.run(step, (E) step.effect(), retry);
    }
}
