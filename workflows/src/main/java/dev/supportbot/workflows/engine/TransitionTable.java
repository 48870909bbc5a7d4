package dev.supportbot.workflows.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A workflow's transitions: one row per (state type, event type), each with the facts it needs and the handler
 * that decides. A pair without a row is an event the state does not expect: it changes nothing. A state that is
 * {@link Phased} (a part several workflows share, such as the approval gate) may have rows for one phase of it; a row
 * without a phase is for every phase.
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

    /** A state whose rows can depend on where it is in a part it shares with other workflows. */
    public interface Phased {
        Object phase();
    }

    /** The state type, its phase's type (null: any phase, or a state without phases) and the event type of a row. */
    public record Key(Class<?> stateType, Class<?> phase, Class<? extends Event> eventType) {}

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
        Row<S, ?, ?> row = rowOf(state, event.getClass());
        return row == null ? List.of() : List.copyOf(row.factsNeeded(state, event));
    }

    public Decision<S> decide(S state, Event event, Facts facts, Context ctx) {
        Row<S, ?, ?> row = rowOf(state, event.getClass());
        return row == null ? Decision.unchanged(state) : row.decide(state, event, facts, ctx);
    }

    /** Whether {@code state} (in its phase, if it has one) has a row for events of {@code eventType}. */
    public boolean handles(S state, Class<? extends Event> eventType) {
        return rowOf(state, eventType) != null;
    }

    public java.util.Set<Key> keys() {
        return rows.keySet();
    }

    private Row<S, ?, ?> rowOf(Object state, Class<? extends Event> eventType) {
        Class<?> type = Objects.requireNonNull(state).getClass();
        Objects.requireNonNull(eventType);
        Row<S, ?, ?> row = state instanceof Phased p ? rows.get(new Key(type, p.phase().getClass(), eventType)) : null;
        return row != null ? row : rows.get(new Key(type, null, eventType));
    }

    public static final class Builder<S> {
        private final Map<Key, Row<S, ?, ?>> rows = new LinkedHashMap<>();

        private Builder() {}

        public <T extends S, E extends Event> Builder<S> on(
                Class<T> state, Class<E> event, FactPlan<T, E> plan, Handler<S, T, E> handler) {
            return row(new Key(state, null, event), plan, handler);
        }

        public <T extends S, E extends Event> Builder<S> on(Class<T> state, Class<E> event, Handler<S, T, E> handler) {
            return on(state, event, FactPlan.none(), handler);
        }

        /** A row for {@code state} in one {@code phase}; the state must be {@link Phased}. */
        public <T extends S, E extends Event> Builder<S> on(
                Class<T> state, Class<?> phase, Class<E> event, FactPlan<T, E> plan, Handler<S, T, E> handler) {
            if (!Phased.class.isAssignableFrom(state)) throw new IllegalArgumentException(state.getName() + " has no phases");
            return row(new Key(state, Objects.requireNonNull(phase), event), plan, handler);
        }

        public <T extends S, E extends Event> Builder<S> on(Class<T> state, Class<?> phase, Class<E> event, Handler<S, T, E> handler) {
            return on(state, phase, event, FactPlan.none(), handler);
        }

        private <T extends S, E extends Event> Builder<S> row(Key key, FactPlan<T, E> plan, Handler<S, T, E> handler) {
            if (rows.containsKey(key)) throw new IllegalArgumentException("two rows for " + key);
            rows.put(key, new Row<>(plan, handler));
            return this;
        }

        public TransitionTable<S> build() {
            return new TransitionTable<>(rows);
        }
    }
}
