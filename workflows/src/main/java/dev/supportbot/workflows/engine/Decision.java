package dev.supportbot.workflows.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The outcome of one event: the new state and the effects to run, in order. */
public record Decision<S>(S state, List<Effect> effects) {

    public Decision {
        Objects.requireNonNull(state, "state");
        effects = List.copyOf(effects);
    }

    public static <S> Decision<S> of(S state, List<Effect> effects) {
        return new Decision<>(state, effects);
    }

    public static <S> Decision<S> of(S state, Effect... effects) {
        return new Decision<>(state, List.of(effects));
    }

    /** The event changes nothing: same state, no effects. */
    public static <S> Decision<S> unchanged(S state) {
        return new Decision<>(state, List.of());
    }

    /** This decision with {@code more} effects after its own. */
    public Decision<S> followedBy(Effect... more) {
        List<Effect> all = new ArrayList<>(effects);
        all.addAll(List.of(more));
        return new Decision<>(state, all);
    }

    /** Whether this decision leaves {@code before} as it was and does nothing (an ignored or duplicate event). */
    public boolean changesNothingFrom(S before) {
        return effects.isEmpty() && state.equals(before);
    }
}
