package dev.supportbot.workflows.approved;

import java.time.Instant;
import java.util.function.Function;

/**
 * A workflow's {@link ApprovalGate.Plug} made of its states' constructors: each gate state is its ticket, what the
 * workflow keeps through the gate ({@code K}, read off its gate states' common interface {@code G}) and the gate's part;
 * an agent's cancel ends any open state in the workflow's cancelled state. The workflow writes only what it does once
 * the plan ran or ended otherwise (done, told, rejected, expired, not posted).
 *
 * @param <G> the interface the workflow's gate states share
 * @param <K> what the workflow keeps through the gate
 */
public abstract class GatePlug<S, G extends Gated.Open, K, A extends S, X extends S, F extends S>
        implements ApprovalGate.Plug<S, A, X, F> {

    /** Makes a gate state of its ticket, what the workflow keeps and the gate's part {@code P}. */
    @FunctionalInterface
    public interface Made<K, P, T> {
        T make(long ticketId, K kept, P part);
    }

    /** Makes the cancelled state of its ticket, the agent who cancelled and when. */
    @FunctionalInterface
    public interface Ended<S> {
        S make(long ticketId, String agent, Instant at);
    }

    private final Function<G, K> kept;
    private final Made<K, Gated.Ask, A> asking;
    private final Made<K, Gated.Run, X> running;
    private final Made<K, Gated.Halt, F> halted;
    private final Ended<S> cancelled;

    protected GatePlug(Function<G, K> kept, Made<K, Gated.Ask, A> asking, Made<K, Gated.Run, X> running,
                       Made<K, Gated.Halt, F> halted, Ended<S> cancelled) {
        this.kept = kept;
        this.asking = asking;
        this.running = running;
        this.halted = halted;
        this.cancelled = cancelled;
    }

    @Override
    public A withApprovalId(A waiting, long approvalId) {
        return asking.make(ticketOf(waiting), keptOf(waiting), ((Gated.Asking) waiting).ask().withApprovalId(approvalId));
    }

    @Override
    public X executing(S from, Gated.Run run) {
        return running.make(ticketOf(from), keptOf(from), run);
    }

    @Override
    public F failed(X running, Gated.Halt halt, String reason) {
        return halted.make(ticketOf(running), keptOf(running), halt);
    }

    @Override
    public S cancelled(S from, String agent, Instant at) {
        return cancelled.make(ticketOf(from), agent, at);
    }

    private static long ticketOf(Object state) {
        return ((Gated.Open) state).ticketId();
    }

    @SuppressWarnings("unchecked")
    private K keptOf(Object gateState) {
        return kept.apply((G) gateState);
    }
}
