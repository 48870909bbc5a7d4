package dev.supportbot.bot.engine;

import dev.supportbot.workflows.engine.Effect;
import java.util.List;
import java.util.Map;

/**
 * Carries out one kind of {@link Effect}. Every permitted effect type has exactly one handler; the engine checks
 * that when it is built, so a new effect without a handler stops the service at start-up, not at run time.
 */
public interface EffectHandler<E extends Effect> {

    Class<E> type();

    /**
     * Runs {@code effect}, the effect of {@code step}; {@code retry} is true when an earlier attempt may have got
     * through. Throws an {@code OutboundException} (or another runtime exception) when it failed.
     */
    Ran run(EffectStep step, E effect, boolean retry);

    /**
     * What a run did: the result for the workflow (keyed effects), how many effects of the step's list from the
     * step's own it carried out (a folded ticket update carries out several), and audit entries to commit with it.
     */
    record Ran(Map<String, String> result, int effects, List<AuditLog.Entry> audit) {
        public Ran {
            result = Map.copyOf(result);
            audit = List.copyOf(audit);
        }

        public static Ran done() {
            return new Ran(Map.of(), 1, List.of());
        }

        public static Ran with(Map<String, String> result) {
            return new Ran(result, 1, List.of());
        }
    }
}
