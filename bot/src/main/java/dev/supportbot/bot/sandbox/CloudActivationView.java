package dev.supportbot.bot.sandbox;

import dev.supportbot.workflows.domain.CloudActivation;
import java.util.List;

/** The cloud activation as the admin page shows it, code included. {@link #toString()} hides the code. */
record CloudActivationView(String subscriptionName, String activationCode, List<CloudActivation.InstanceActivation> instanceActivations) {

    @Override
    public String toString() {
        return "CloudActivationView[" + subscriptionName + ", " + instanceActivations.size() + " instance activations]";
    }
}
