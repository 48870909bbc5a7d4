package dev.supportbot.workflows.engine;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A workflow whose transitions are one {@link TransitionTable}: its name, start tag, state type and first state are
 * given once, and every event is decided by the table's row for it (a pair without a row changes nothing). A state
 * type without any row is final.
 *
 * @param <S> the state type, a sealed interface of records
 */
public abstract class TabledWorkflow<S> implements Workflow<S> {
    private final String kind;
    private final String startTag;
    private final Class<S> stateType;
    private final S initialState;
    private final TransitionTable<S> table;
    private final Set<Class<?>> moving;

    protected TabledWorkflow(String kind, String startTag, Class<S> stateType, S initialState, TransitionTable<S> table) {
        this.kind = kind;
        this.startTag = startTag;
        this.stateType = stateType;
        this.initialState = initialState;
        this.table = table;
        this.moving = table.keys().stream().map(TransitionTable.Key::stateType).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final String startTag() {
        return startTag;
    }

    @Override
    public final Class<S> stateType() {
        return stateType;
    }

    @Override
    public final S initialState() {
        return initialState;
    }

    /** Whether no event moves {@code state} on any more: its type has no row in the table. */
    @Override
    public boolean finished(S state) {
        return !moving.contains(state.getClass());
    }

    @Override
    public final List<FactRequest<?>> factsNeeded(S state, Event event) {
        return table.factsNeeded(state, event);
    }

    @Override
    public final Decision<S> decide(S state, Event event, Facts facts, Context ctx) {
        return SignOff.signed(table.decide(state, event, facts, ctx), ctx);
    }
}
