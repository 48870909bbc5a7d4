package dev.supportbot.workflows.approved;

import dev.supportbot.workflows.engine.OnSubscription;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A workflow's {@link ApprovalGate.Plug} made of its states' constructors: each gate state is its ticket, what the
 * workflow keeps through the gate ({@code K}, read off its gate states' common interface {@code G}) and the gate's part;
 * each end state ({@link Ends}) is made of what the gate knows then. The workflow writes only what it tells once the
 * plan ran ({@link #told}).
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

    /** Makes an end state of its ticket, its subscription (null for a workflow without one) and when it ended. */
    @FunctionalInterface
    public interface Closed<S> {
        S make(long ticketId, String subscriptionName, Instant at);
    }

    /** Makes the cancelled state of its ticket, the agent who cancelled and when. */
    @FunctionalInterface
    public interface Ended<S> {
        S make(long ticketId, String agent, Instant at);
    }

    /**
     * The workflow's end states the gate leads to.
     *
     * @param done            every step ran and the billing account shows what the plan predicted
     * @param handedToBilling every step ran but the billing account does not show what the plan predicted
     * @param rejected        an approver rejected the plan
     * @param expired         the approvers did not decide in time
     * @param notPosted       the approval request could not be posted
     * @param cancelled       an agent cancelled the run
     */
    public record Ends<K, S>(BiFunction<K, Gated.Approval, S> done, Function<Gated.Approval, S> handedToBilling,
                             Function<Gated.Rejection, S> rejected, Closed<S> expired, Closed<S> notPosted, Ended<S> cancelled) {
        /** The end states of a workflow whose done state is made of the {@link Gated.Approval} alone. */
        public Ends(Function<Gated.Approval, S> done, Function<Gated.Approval, S> handedToBilling,
                    Function<Gated.Rejection, S> rejected, Closed<S> expired, Closed<S> notPosted, Ended<S> cancelled) {
            this((kept, approval) -> done.apply(approval), handedToBilling, rejected, expired, notPosted, cancelled);
        }
    }

    private final Function<G, K> kept;
    private final Made<K, Gated.Ask, A> asking;
    private final Made<K, Gated.Run, X> running;
    private final Made<K, Gated.Halt, F> halted;
    private final Ends<K, S> ends;

    protected GatePlug(Function<G, K> kept, Made<K, Gated.Ask, A> asking, Made<K, Gated.Run, X> running,
                       Made<K, Gated.Halt, F> halted, Ends<K, S> ends) {
        this.kept = kept;
        this.asking = asking;
        this.running = running;
        this.halted = halted;
        this.ends = ends;
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
    public S done(X last, Instant at) {
        return ends.done().apply(keptOf(last), approval(last, at));
    }

    @Override
    public S unconfirmed(X last, Instant at) {
        return ends.handedToBilling().apply(approval(last, at));
    }

    @Override
    public S rejected(A waiting, long approvalId, String by, Instant at) {
        return ends.rejected().apply(new Gated.Rejection(ticketOf(waiting), subscriptionOf(waiting), approvalId, by, at));
    }

    @Override
    public S expired(A waiting, Instant at) {
        return ends.expired().make(ticketOf(waiting), subscriptionOf(waiting), at);
    }

    @Override
    public S notPosted(A waiting, Instant at) {
        return ends.notPosted().make(ticketOf(waiting), subscriptionOf(waiting), at);
    }

    @Override
    public S cancelled(S from, String agent, Instant at) {
        return ends.cancelled().make(ticketOf(from), agent, at);
    }

    private static Gated.Approval approval(Object last, Instant at) {
        Gated.Run run = ((Gated.Running) last).run();
        return new Gated.Approval(ticketOf(last), subscriptionOf(last), run.approvalId(), run.approvers(), at);
    }

    private static long ticketOf(Object state) {
        return ((Gated.Open) state).ticketId();
    }

    private static String subscriptionOf(Object state) {
        return state instanceof OnSubscription s ? s.subscriptionName() : null;
    }

    @SuppressWarnings("unchecked")
    private K keptOf(Object gateState) {
        return kept.apply((G) gateState);
    }
}
