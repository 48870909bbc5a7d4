package dev.supportbot.workflows.ownership;

/** The outcome of checking one proof candidate. */
public sealed interface Verdict permits Verdict.Accepted, Verdict.Refused {

    /** {@code detail} says what was accepted for the internal note: numbers and ids, never a secret. */
    record Accepted(ProofKind kind, String detail) implements Verdict {}

    record Refused(ProofKind kind, Refusal reason) implements Verdict {}
}
