package dev.supportbot.workflows.approved;

import dev.supportbot.workflows.engine.OnSubscription;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A workflow's {@link ApprovalGate.Plug} for a workflow with one gate state ({@code G}, a {@link Gated.InGate}): the
 * gate moves it from phase to phase ({@link #GatePlug its constructor's} {@code moved}), and makes each end state
 * ({@link Ends}) of what the gate knows then. The workflow writes only what it tells once the plan ran ({@link #told}).
 *
 * @param <S> the workflow's state type
 * @param <G> its gate state
 */
public abstract class GatePlug<S, G extends S> implements ApprovalGate.Plug<S, G, G, G> {

    /** Makes an end state of its ticket, its subscription (null for a workflow without one) and when it ended. */
    @FunctionalInterface
    public interface Closed<S> {
        S make(long ticketId, String subscriptionName, Instant at);
    }

    /**
     * The workflow's end states the gate leads to.
     *
     * @param done      every step ran and the billing account shows what the plan predicted, made of the last gate
     *                  state and the {@link Gated.Approval}
     * @param ended     the ends the gate comes to by itself ({@link Gated.End}): handed to the Billing team, rejected,
     *                  cancelled by an agent
     * @param expired   the approvers did not decide in time
     * @param notPosted the approval request could not be posted
     */
    public record Ends<G, S>(BiFunction<G, Gated.Approval, S> done, Function<Gated.End, S> ended, Closed<S> expired,
                             Closed<S> notPosted) {
        /** The end states of a workflow whose done state is made of the {@link Gated.Approval} alone. */
        public Ends(Function<Gated.Approval, S> done, Function<Gated.End, S> ended, Closed<S> expired, Closed<S> notPosted) {
            this((last, approval) -> done.apply(approval), ended, expired, notPosted);
        }
    }

    private final BiFunction<G, Gated.Phase, G> moved;
    private final Ends<G, S> ends;

    /** @param moved the gate state in another phase, all else kept */
    protected GatePlug(BiFunction<G, Gated.Phase, G> moved, Ends<G, S> ends) {
        this.moved = moved;
        this.ends = ends;
    }

    @Override
    public G withApprovalId(G waiting, long approvalId) {
        return moved.apply(waiting, ((Gated.Ask) phaseOf(waiting)).withApprovalId(approvalId));
    }

    @Override
    @SuppressWarnings("unchecked")
    public G executing(S from, Gated.Run run) {
        return moved.apply((G) from, run);
    }

    @Override
    public G failed(G running, Gated.Halt halt, String reason) {
        return moved.apply(running, halt);
    }

    @Override
    public S done(G last, Instant at) {
        return ends.done().apply(last, approval(last, at));
    }

    @Override
    public S unconfirmed(G last, Instant at) {
        return ends.ended().apply(new Gated.HandedOver(approval(last, at)));
    }

    @Override
    public S rejected(G waiting, long approvalId, String by, Instant at) {
        return ends.ended().apply(new Gated.Rejection(ticketOf(waiting), subscriptionOf(waiting), approvalId, by, at));
    }

    @Override
    public S expired(G waiting, Instant at) {
        return ends.expired().make(ticketOf(waiting), subscriptionOf(waiting), at);
    }

    @Override
    public S notPosted(G waiting, Instant at) {
        return ends.notPosted().make(ticketOf(waiting), subscriptionOf(waiting), at);
    }

    @Override
    public S cancelled(S from, String agent, Instant at) {
        return ends.ended().apply(new Gated.Cancellation(ticketOf(from), agent, at));
    }

    private static Gated.Approval approval(Object last, Instant at) {
        Gated.Run run = (Gated.Run) phaseOf(last);
        return new Gated.Approval(ticketOf(last), subscriptionOf(last), run.approvalId(), run.approvers(), at);
    }

    private static Gated.Phase phaseOf(Object state) {
        return ((Gated.InGate) state).phase();
    }

    private static long ticketOf(Object state) {
        return ((Gated.Open) state).ticketId();
    }

    private static String subscriptionOf(Object state) {
        return state instanceof OnSubscription s ? s.subscriptionName() : null;
    }
}
