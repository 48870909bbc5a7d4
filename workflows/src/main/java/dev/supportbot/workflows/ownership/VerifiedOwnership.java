package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.engine.Outcome;
import java.util.Optional;

/**
 * What a finished ownership verification lets another workflow on the same ticket rely on: the subscription it
 * verified the ticket's requester for, and the proof's kind as {@link Outcome} holds it ({@code INVOICE}).
 */
public record VerifiedOwnership(String subscriptionName, String proof) {

    /** The verified subscription, when {@code outcome} is a verification that names one. */
    public static Optional<VerifiedOwnership> of(Outcome outcome) {
        if (outcome == null || !OwnershipVerification.KIND.equals(outcome.kind()) || !outcome.is(Outcome.VERIFIED)) {
            return Optional.empty();
        }
        return outcome.detail(Outcome.SUBSCRIPTION).filter(name -> !name.isBlank())
                .map(name -> new VerifiedOwnership(name, outcome.detail(Outcome.PROOF).orElse(null)));
    }

    /** The proof in words for agents, e.g. "an invoice". */
    public String proofWords() {
        return ProofKind.words(proof);
    }
}
