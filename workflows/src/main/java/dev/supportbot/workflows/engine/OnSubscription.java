package dev.supportbot.workflows.engine;

/** A state that names the subscription its run is about; the run's {@link Outcome} carries it. */
public interface OnSubscription {
    String subscriptionName();
}
