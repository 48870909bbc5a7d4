package dev.supportbot.workflows.typofix;

import dev.supportbot.workflows.domain.Emails;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.domain.LicenseKind;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.Ticket;
import dev.supportbot.workflows.plan.TypoFixPlanner.Resend;
import dev.supportbot.workflows.typofix.TypoFixState.Checking;
import dev.supportbot.workflows.typofix.TypoFixState.Requested;
import dev.supportbot.workflows.typofix.TypoFixState.StopReason;
import dev.supportbot.workflows.typofix.TypoFixState.Stopped;
import dev.supportbot.workflows.typofix.TypoFixState.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * From the start to the checks: the requester must be staff (an account manager), then which address is mistyped (the start command's argument, else the one address in the
 * AM's request that a license was sent to) and which license went to it. The corrected address the AM may have
 * written in the request becomes the address they are asked to confirm.
 */
final class Starting {
    static final String CHECKS_KEY = "checks";
    private static final int MAX_CANDIDATES = 5;

    private Starting() {}

    static List<FactRequest<?>> factsOnStart(Requested s, TicketUpdated e) {
        return candidates(s, e.ticket()).stream().<FactRequest<?>>map(FactRequest.LicensesOfCustomer::new).toList();
    }

    static Decision<TypoFixState> start(Requested s, TicketUpdated e, Facts facts, Context ctx) {
        Ticket ticket = e.ticket();
        if (!fromStaff(ticket, ctx)) {
            return Decision.of(new Stopped(ticket.id(), null, StopReason.NOT_FROM_STAFF, ctx.now()),
                    new Effect.PrivateNote(Notes.stopped(StopReason.NOT_FROM_STAFF, requesterOf(ticket))));
        }
        List<String> candidates = candidates(s, ticket);
        if (candidates.isEmpty()) return stop(ticket.id(), null, StopReason.NO_MISTYPED_ADDRESS, ctx);
        List<String> withLicense = new ArrayList<>();
        List<License> licenses = new ArrayList<>();
        for (String candidate : candidates) {
            List<License> sent = facts.find(new FactRequest.LicensesOfCustomer(candidate)).orElse(List.of()).stream()
                    .filter(l -> Emails.sameAddress(l.licenseeEmail(), candidate) && l.subscriptionName() != null).toList();
            if (!sent.isEmpty()) {
                withLicense.add(candidate);
                licenses.add(sent.get(0));
            }
        }
        if (withLicense.size() > 1) return stop(ticket.id(), null, StopReason.NO_MISTYPED_ADDRESS, ctx);
        if (withLicense.isEmpty()) return stop(ticket.id(), null, StopReason.NO_LICENSE, ctx);
        String mistyped = withLicense.get(0);
        License license = licenses.get(0);
        boolean cloud = license.kind() == LicenseKind.CLOUD;
        Resend resend = Resend.of(license);
        List<String> others = Addresses.in(ticket.subject() + "\n" + ticket.description(), exclusions(ticket, mistyped));
        String proposed = others.size() == 1 ? others.get(0) : null;
        return Decision.of(new Checking(ticket.id(), new Target(mistyped, license.subscriptionName(), cloud, resend), proposed),
                new Effect.Continue(CHECKS_KEY));
    }

    /** The handbook's typo fix is an account manager's internal request: the requester is on the staff domains. */
    static boolean fromStaff(Ticket ticket, Context ctx) {
        return ticket.requester() != null && ctx.policy().isStaff(ticket.requester().email());
    }

    private static String requesterOf(Ticket ticket) {
        if (ticket.requester() == null) return "the ticket has no requester";
        String name = ticket.requester().name();
        return (name == null || name.isBlank() ? "" : name + ", ") + ticket.requester().email();
    }

    /** The start command's address, else the addresses in the request other than the requester's own. */
    static List<String> candidates(Requested s, Ticket ticket) {
        if (s.mistypedEmail() != null) return List.of(s.mistypedEmail().trim().toLowerCase(java.util.Locale.ROOT));
        List<String> found = Addresses.in(ticket.subject() + "\n" + ticket.description(), exclusions(ticket, null));
        return found.size() > MAX_CANDIDATES ? found.subList(0, MAX_CANDIDATES) : found;
    }

    private static List<String> exclusions(Ticket ticket, String mistyped) {
        List<String> except = new ArrayList<>();
        if (ticket.requester() != null && ticket.requester().email() != null) except.add(ticket.requester().email());
        if (mistyped != null) except.add(mistyped);
        return except;
    }

    static Decision<TypoFixState> stop(long ticketId, String subscription, StopReason why, Context ctx) {
        return Decision.of(new Stopped(ticketId, subscription, why, ctx.now()), new Effect.PrivateNote(Notes.stopped(why, null)));
    }
}
