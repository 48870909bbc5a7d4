package dev.supportbot.workflows.resend;

import dev.supportbot.workflows.domain.Emails;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.Event.WorkflowFinished;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.Ticket;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import dev.supportbot.workflows.ownership.VerifiedOwnership;
import dev.supportbot.workflows.resend.ResendLicenseState.AwaitingOwnership;
import dev.supportbot.workflows.resend.ResendLicenseState.Handoff;
import dev.supportbot.workflows.resend.ResendLicenseState.NeedsHuman;
import dev.supportbot.workflows.resend.ResendLicenseState.NotVerified;
import dev.supportbot.workflows.resend.ResendLicenseState.Requested;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * From the start to planning. The only address a resend goes to is the requester's own: a request that names another
 * one is left to an agent. Then ownership must be verified on the ticket; when it is not, a verification is started
 * (unless one runs) and this run waits for it to finish.
 */
final class Starting {
    private Starting() {}

    static List<FactRequest<?>> factsOnStart(Requested s, TicketUpdated e) {
        return List.of(ownershipOf(e.ticket().id()));
    }

    static Decision<ResendLicenseState> start(Requested s, TicketUpdated e, Facts facts, Context ctx) {
        Ticket ticket = e.ticket();
        String email = ticket.requester() == null ? null : ticket.requester().email();
        if (email == null || email.isBlank()) return handoff(ticket.id(), Handoff.NO_REQUESTER_EMAIL, null, ctx);
        String requester = email.trim().toLowerCase(Locale.ROOT);
        List<String> others = Emails.writtenIn(ticket.subject() + "\n" + ticket.description(), List.of(requester));
        if (!others.isEmpty()) return handoff(ticket.id(), Handoff.ANOTHER_ADDRESS, String.join(", ", others), ctx);

        Optional<Outcome> ownership = facts.find(ownershipOf(ticket.id()));
        Optional<VerifiedOwnership> verified = ownership.flatMap(VerifiedOwnership::of);
        if (verified.isPresent()) return Proposing.plan(ticket.id(), requester, verified.get());
        AwaitingOwnership waiting = new AwaitingOwnership(ticket.id(), requester, ctx.now());
        if (ownership.isPresent() && !ownership.get().finished()) {
            return Decision.of(waiting, new Effect.PrivateNote(Notes.waitingForOwnership(false)));
        }
        return Decision.of(waiting, new Effect.StartWorkflow(OwnershipVerification.KIND),
                new Effect.PrivateNote(Notes.waitingForOwnership(true)));
    }

    static Decision<ResendLicenseState> ownershipFinished(AwaitingOwnership s, WorkflowFinished e, Facts facts, Context ctx) {
        Outcome outcome = e.outcome();
        if (!OwnershipVerification.KIND.equals(outcome.kind()) || !outcome.finished()) return Decision.unchanged(s);
        Optional<VerifiedOwnership> verified = VerifiedOwnership.of(outcome);
        if (verified.isPresent()) return Proposing.plan(s.ticketId(), s.requesterEmail(), verified.get());
        return Decision.of(new NotVerified(s.ticketId(), outcome.result(), ctx.now()),
                new Effect.PrivateNote(Notes.notVerified(outcome.result())));
    }

    static Decision<ResendLicenseState> handoff(long ticketId, Handoff why, String detail, Context ctx) {
        return handoff(ticketId, null, why, detail, ctx);
    }

    static Decision<ResendLicenseState> handoff(long ticketId, String subscription, Handoff why, String detail, Context ctx) {
        return Decision.of(new NeedsHuman(ticketId, subscription, why, ctx.now()), new Effect.PrivateNote(Notes.handoff(why, detail)));
    }

    private static FactRequest.OutcomeOf ownershipOf(long ticketId) {
        return new FactRequest.OutcomeOf(ticketId, OwnershipVerification.KIND);
    }
}
