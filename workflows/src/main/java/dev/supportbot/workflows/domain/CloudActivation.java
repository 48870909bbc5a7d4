package dev.supportbot.workflows.domain;

import java.time.Instant;
import java.util.List;

/**
 * The cloud activation of a subscription. The activation code is a secret and is deliberately absent:
 * the workflows only need to know whether any instance has used it.
 */
public record CloudActivation(String subscriptionName, List<InstanceActivation> instanceActivations) {

    public CloudActivation {
        instanceActivations = List.copyOf(instanceActivations);
    }

    public boolean codeUnused() {
        return instanceActivations.isEmpty();
    }

    public record InstanceActivation(String instanceId, String hostname, Instant activatedAt) {}
}
