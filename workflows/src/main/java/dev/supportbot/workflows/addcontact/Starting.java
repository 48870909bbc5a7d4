package dev.supportbot.workflows.addcontact;

import dev.supportbot.workflows.addcontact.AddContactState.AwaitingOwnership;
import dev.supportbot.workflows.addcontact.AddContactState.Handoff;
import dev.supportbot.workflows.addcontact.AddContactState.NeedsHuman;
import dev.supportbot.workflows.addcontact.AddContactState.NotVerified;
import dev.supportbot.workflows.addcontact.AddContactState.Requested;
import dev.supportbot.workflows.addcontact.AddContactState.Verification;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.Event.WorkflowFinished;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * From the start to planning: ownership must be verified on the ticket first. When it is not, a verification is
 * started (unless one runs) and this run waits for it to finish.
 */
final class Starting {
    private Starting() {}

    // ---- Requested + TicketUpdated: the bot creates an instance only for a start tag or a start request (whose
    // ticket no longer carries the tag once the bot consumed it), so the first ticket event always starts.

    static List<FactRequest<?>> factsOnStart(Requested s, TicketUpdated e) {
        return List.of(ownershipOf(e.ticket().id()));
    }

    static Decision<AddContactState> start(Requested s, TicketUpdated e, Facts facts, Context ctx) {
        long ticketId = e.ticket().id();
        String email = e.ticket().requester() == null ? null : e.ticket().requester().email();
        if (email == null || email.isBlank()) {
            return Decision.of(new NeedsHuman(ticketId, null, Handoff.NO_REQUESTER_EMAIL, ctx.now()),
                    new Effect.PrivateNote(InternalNotes.handoff(Handoff.NO_REQUESTER_EMAIL, null)));
        }
        Optional<Outcome> ownership = facts.find(ownershipOf(ticketId));
        Optional<Verification> verified = ownership.flatMap(Starting::verification);
        if (verified.isPresent()) return Proposing.plan(ticketId, email.trim(), verified.get(), false, ctx);

        boolean running = ownership.isPresent() && !ownership.get().finished();
        AwaitingOwnership waiting = new AwaitingOwnership(ticketId, email.trim(), ctx.now());
        if (running) return Decision.of(waiting, new Effect.PrivateNote(InternalNotes.OWNERSHIP.waiting(false)));
        return Decision.of(waiting, new Effect.StartWorkflow(OwnershipVerification.KIND),
                new Effect.PrivateNote(InternalNotes.OWNERSHIP.waiting(true)));
    }

    // ---- AwaitingOwnership + WorkflowFinished

    static Decision<AddContactState> ownershipFinished(AwaitingOwnership s, WorkflowFinished e, Facts facts, Context ctx) {
        Outcome outcome = e.outcome();
        if (!OwnershipVerification.KIND.equals(outcome.kind()) || !outcome.finished()) return Decision.unchanged(s);
        Optional<Verification> verified = verification(outcome);
        if (verified.isPresent()) return Proposing.plan(s.ticketId(), s.requesterEmail(), verified.get(), false, ctx);
        return Decision.of(new NotVerified(s.ticketId(), outcome.result(), ctx.now()),
                new Effect.PrivateNote(InternalNotes.OWNERSHIP.notVerified(outcome.result())));
    }

    private static FactRequest.OutcomeOf ownershipOf(long ticketId) {
        return new FactRequest.OutcomeOf(ticketId, OwnershipVerification.KIND);
    }

    /** The verified subscription and the proof's kind in plain words, when the outcome is a verification. */
    static Optional<Verification> verification(Outcome outcome) {
        if (!outcome.is(Outcome.VERIFIED)) return Optional.empty();
        return outcome.detail(Outcome.SUBSCRIPTION).filter(name -> !name.isBlank()).map(name -> new Verification(name,
                outcome.detail(Outcome.PROOF).map(p -> p.toLowerCase(Locale.ROOT).replace('_', ' ')).orElse("not named")));
    }
}
