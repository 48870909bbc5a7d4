package dev.supportbot.workflows.approved;

import org.opentest4j.AssertionFailedError;

/** For tests: the phase of a workflow's gate state, failing the test when the state is not in that phase. */
public final class Phases {
    private Phases() {}

    public static Gated.Ask asking(Object state) {
        return phase(state, Gated.Ask.class);
    }

    public static Gated.Run running(Object state) {
        return phase(state, Gated.Run.class);
    }

    public static Gated.Halt halted(Object state) {
        return phase(state, Gated.Halt.class);
    }

    public static boolean isAsking(Object state) {
        return state instanceof Gated.InGate g && g.phase() instanceof Gated.Ask;
    }

    public static boolean isRunning(Object state) {
        return state instanceof Gated.InGate g && g.phase() instanceof Gated.Run;
    }

    public static boolean isHalted(Object state) {
        return state instanceof Gated.InGate g && g.phase() instanceof Gated.Halt;
    }

    public static boolean isRejected(Object state) {
        return state instanceof Gated.Ending e && e.end() instanceof Gated.Rejection;
    }

    public static boolean isCancelled(Object state) {
        return state instanceof Gated.Ending e && e.end() instanceof Gated.Cancellation;
    }

    public static boolean isHandedOver(Object state) {
        return state instanceof Gated.Ending e && e.end() instanceof Gated.HandedOver;
    }

    private static <P extends Gated.Phase> P phase(Object state, Class<P> phase) {
        if (state instanceof Gated.InGate g && phase.isInstance(g.phase())) return phase.cast(g.phase());
        throw new AssertionFailedError("expected a gate state in phase " + phase.getSimpleName() + " but was " + state);
    }
}
