package dev.supportbot.workflows.troubleshooting;

import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.Ticket;
import dev.supportbot.workflows.licenses.ActiveLicense;
import dev.supportbot.workflows.licenses.LastLicense;
import dev.supportbot.workflows.troubleshooting.RegistrationError.TrueUpMismatch;
import dev.supportbot.workflows.troubleshooting.RegistrationError.UsersOverLimit;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.Planning;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.Requested;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.Running;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.TrueUpFix;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.Watching;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reading comments: at the start the ticket's description and the requester's new comments, afterwards each new
 * requester comment. Each read comes back as one private note: the errors found, or that none was. A true-up mismatch
 * starts a fix (see {@link TrueUpFixing}) when none is under way.
 */
final class Diagnosing {
    /** The id under which the ticket's description is read (it has no comment id of its own in the event). */
    static final long DESCRIPTION = 0;
    /** Zendesk's statuses after which nothing more happens on a ticket. */
    private static final String CLOSED = "closed";

    private Diagnosing() {}

    /** One text to read: a comment or the description, and which it is in words for the agent. */
    private record Read(long id, String body, String words) {}

    // ---- facts

    static List<FactRequest<?>> factsOnStart(Requested s, TicketUpdated e) {
        if (!e.ticket().hasTag(LicenseTroubleshooting.START_TAG)) return List.of();
        return factsFor(toRead(e, Set.of(), true), e.ticket(), true);
    }

    static List<FactRequest<?>> factsWhileRunning(Running s, TicketUpdated e) {
        return factsFor(toRead(e, s.seen(), false), e.ticket(), s instanceof Watching);
    }

    /** The requester's licenses: for the last one a true-up fix duplicates, or the active one beside the users question. */
    private static List<FactRequest<?>> factsFor(List<Read> reads, Ticket ticket, boolean mayPlan) {
        if (ticket.requester() == null || ticket.requester().email() == null) return List.of();
        boolean trueUp = mayPlan && reads.stream()
                .anyMatch(r -> RegistrationErrors.find(r.body()).stream().anyMatch(TrueUpMismatch.class::isInstance));
        boolean askUsers = reads.stream().anyMatch(r -> kindOf(r) == ReadKind.NOTHING_KNOWN);
        return trueUp || askUsers ? List.of(new FactRequest.LicensesOfCustomer(ticket.requester().email())) : List.of();
    }

    /** What a comment holds, as far as the handbook's troubleshooting page knows it. */
    private enum ReadKind { REGISTRATION_ERRORS, SALES_ASSISTED_SAAS, NOTHING_KNOWN }

    private static ReadKind kindOf(Read r) {
        if (!RegistrationErrors.find(r.body()).isEmpty()) return ReadKind.REGISTRATION_ERRORS;
        if (SalesAssistedSaas.mentioned(r.body())) return ReadKind.SALES_ASSISTED_SAAS;
        return ReadKind.NOTHING_KNOWN;
    }

    // ---- decisions

    static Decision<TroubleshootingState> start(Requested s, TicketUpdated e, Facts facts, Context ctx) {
        if (!e.ticket().hasTag(LicenseTroubleshooting.START_TAG)) return Decision.unchanged(s);
        Watching watching = new Watching(e.ticket().id(), Set.of());
        List<Read> reads = toRead(e, Set.of(), true);
        if (reads.isEmpty()) {
            return Decision.of(watching.withSeen(ids(e.newComments())), new Effect.PrivateNote(TroubleshootingNotes.nothingToRead()));
        }
        return read(watching, e, reads, facts, ctx);
    }

    static Decision<TroubleshootingState> whileRunning(Running s, TicketUpdated e, Facts facts, Context ctx) {
        if (CLOSED.equalsIgnoreCase(e.ticket().status()) && !(s instanceof TroubleshootingState.Executing)) {
            return TrueUpFixing.close(s, "the ticket was closed");
        }
        List<Read> reads = toRead(e, s.seen(), false);
        if (reads.isEmpty()) {
            Running next = s.withSeen(ids(e.newComments()));
            return next.equals(s) ? Decision.unchanged(s) : Decision.of(next);
        }
        return read(s, e, reads, facts, ctx);
    }

    private static Decision<TroubleshootingState> read(Running s, TicketUpdated e, List<Read> reads, Facts facts, Context ctx) {
        Running state = s.withSeen(ids(e.newComments()));
        List<Effect> effects = new ArrayList<>();
        List<String> clean = new ArrayList<>();
        TrueUpFix fix = null;
        List<String> saas = new ArrayList<>();
        for (Read r : reads) {
            ReadKind kind = kindOf(r);
            if (kind == ReadKind.NOTHING_KNOWN) clean.add(r.words());
            if (kind == ReadKind.SALES_ASSISTED_SAAS) saas.add(r.words());
            for (RegistrationError error : RegistrationErrors.find(r.body())) {
                if (error instanceof UsersOverLimit over) {
                    effects.add(new Effect.PrivateNote(TroubleshootingNotes.usersOverLimit(r.words(), over, e.ticket().requester())));
                } else if (error instanceof TrueUpMismatch mismatch) {
                    TrueUpOutcome outcome = trueUp(state, r, mismatch, fix, e.ticket(), facts);
                    effects.add(new Effect.PrivateNote(outcome.note()));
                    if (outcome.fix() != null) fix = outcome.fix();
                }
            }
        }
        if (!saas.isEmpty()) effects.add(new Effect.PrivateNote(TroubleshootingNotes.salesAssistedSaas(saas, e.ticket().requester())));
        if (!clean.isEmpty()) {
            String email = e.ticket().requester() == null ? null : e.ticket().requester().email();
            List<License> licenses = email == null ? List.of()
                    : facts.find(new FactRequest.LicensesOfCustomer(email)).orElse(List.of());
            Optional<License> active = ActiveLicense.among(licenses, ctx.today());
            effects.add(new Effect.PrivateNote(TroubleshootingNotes.noKnownError(clean, active, email, e.ticket().requester())));
        }
        if (fix == null) return Decision.of(state, effects);
        effects.add(new Effect.Continue(TrueUpFixing.planKey(fix)));
        return Decision.of(new Planning(state.ticketId(), state.seen(), fix), effects);
    }

    private record TrueUpOutcome(String note, TrueUpFix fix) {}

    /** The note about one mismatch, and the fix it starts when the state allows one and none started in this event. */
    private static TrueUpOutcome trueUp(Running state, Read read, TrueUpMismatch mismatch, TrueUpFix started,
            Ticket ticket, Facts facts) {
        if (started != null) return new TrueUpOutcome(TroubleshootingNotes.fixUnderWay(started), null);
        if (!(state instanceof Watching)) {
            return new TrueUpOutcome(TroubleshootingNotes.fixUnderWay(TrueUpFixing.fixOf(state)), null);
        }
        String email = ticket.requester() == null ? null : ticket.requester().email();
        List<License> licenses = email == null ? List.of()
                : facts.find(new FactRequest.LicensesOfCustomer(email)).orElse(List.of());
        Optional<License> last = LastLicense.among(licenses);
        String note = TroubleshootingNotes.trueUpMismatch(read.words(), mismatch, last, email);
        if (last.isEmpty()) return new TrueUpOutcome(note, null);
        License license = last.get();
        if (license.trueUpCount() == mismatch.neededFor()) {
            return new TrueUpOutcome(note + "\n" + TroubleshootingNotes.alreadyRight(license, mismatch.neededFor()), null);
        }
        TrueUpFix fix = new TrueUpFix(read.id(), mismatch.appliedFor(), mismatch.neededFor(), license.id(),
                license.subscriptionName(), license.licenseeEmail(), read.words());
        return new TrueUpOutcome(note + "\n" + TroubleshootingNotes.planning(fix), fix);
    }

    /** What to read: the requester's new public or private comments not read yet, and at the start the description. */
    private static List<Read> toRead(TicketUpdated e, Set<Long> seen, boolean withDescription) {
        List<Read> reads = new ArrayList<>();
        List<Comment> fresh = e.newComments().stream().filter(c -> c.byRequester() && !seen.contains(c.id())).toList();
        String description = e.ticket().description();
        if (withDescription && !description.isBlank() && fresh.stream().noneMatch(c -> c.body().strip().equals(description.strip()))) {
            reads.add(new Read(DESCRIPTION, description, "the ticket's description"));
        }
        fresh.forEach(c -> reads.add(new Read(c.id(), c.body(), c.inWords())));
        return reads;
    }

    private static Set<Long> ids(List<Comment> comments) {
        return comments.stream().map(Comment::id).collect(Collectors.toUnmodifiableSet());
    }
}
