package dev.supportbot.workflows.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A workflow's transitions: one row per (state type, event type), each with the facts it needs and the handler
 * that decides. A pair without a row is an event the state does not expect: it changes nothing.
 *
 * @param <S> the workflow's state type
 */
public final class TransitionTable<S> {

    @FunctionalInterface
    public interface Handler<S, T extends S, E extends Event> {
        Decision<S> decide(T state, E event, Facts facts, Context ctx);
    }

    @FunctionalInterface
    public interface FactPlan<T, E extends Event> {
        List<FactRequest<?>> factsNeeded(T state, E event);

        static <T, E extends Event> FactPlan<T, E> none() {
            return (state, event) -> List.of();
        }
    }

    /** The state and event types of a row. */
    public record Key(Class<?> stateType, Class<? extends Event> eventType) {}

    private record Row<S, T extends S, E extends Event>(FactPlan<T, E> plan, Handler<S, T, E> handler) {
        @SuppressWarnings("unchecked")
        List<FactRequest<?>> factsNeeded(S state, Event event) {
            return plan.factsNeeded((T) state, (E) event);
        }

        @SuppressWarnings("unchecked")
        Decision<S> decide(S state, Event event, Facts facts, Context ctx) {
            return handler.decide((T) state, (E) event, facts, ctx);
        }
    }

    private final Map<Key, Row<S, ?, ?>> rows;

    private TransitionTable(Map<Key, Row<S, ?, ?>> rows) {
        this.rows = Map.copyOf(rows);
    }

    public static <S> Builder<S> builder() {
        return new Builder<>();
    }

    public List<FactRequest<?>> factsNeeded(S state, Event event) {
        Row<S, ?, ?> row = rows.get(keyOf(state, event));
        return row == null ? List.of() : List.copyOf(row.factsNeeded(state, event));
    }

    public Decision<S> decide(S state, Event event, Facts facts, Context ctx) {
        Row<S, ?, ?> row = rows.get(keyOf(state, event));
        return row == null ? Decision.unchanged(state) : row.decide(state, event, facts, ctx);
    }

    public boolean handles(Class<?> stateType, Class<? extends Event> eventType) {
        return rows.containsKey(new Key(stateType, eventType));
    }

    public java.util.Set<Key> keys() {
        return rows.keySet();
    }

    private Key keyOf(S state, Event event) {
        return new Key(Objects.requireNonNull(state).getClass(), Objects.requireNonNull(event).getClass());
    }

    public static final class Builder<S> {
        private final Map<Key, Row<S, ?, ?>> rows = new LinkedHashMap<>();

        private Builder() {}

        public <T extends S, E extends Event> Builder<S> on(
                Class<T> state, Class<E> event, FactPlan<T, E> plan, Handler<S, T, E> handler) {
            Key key = new Key(state, event);
            if (rows.containsKey(key)) throw new IllegalArgumentException("two rows for " + key);
            rows.put(key, new Row<>(plan, handler));
            return this;
        }

        public <T extends S, E extends Event> Builder<S> on(Class<T> state, Class<E> event, Handler<S, T, E> handler) {
            return on(state, event, FactPlan.none(), handler);
        }

        public TransitionTable<S> build() {
            return new TransitionTable<>(rows);
        }
    }
}
