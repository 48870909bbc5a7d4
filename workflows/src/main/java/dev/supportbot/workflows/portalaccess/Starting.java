package dev.supportbot.workflows.portalaccess;

import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.Emails;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.Ticket;
import dev.supportbot.workflows.plan.BackendState;
import dev.supportbot.workflows.plan.Evidence;
import dev.supportbot.workflows.plan.Planning;
import dev.supportbot.workflows.plan.PortalAccessPlanner;
import dev.supportbot.workflows.plan.PortalAccessPlanner.Help;
import dev.supportbot.workflows.portalaccess.PortalAccessState.Gate;
import dev.supportbot.workflows.portalaccess.PortalAccessState.Handoff;
import dev.supportbot.workflows.portalaccess.PortalAccessState.NeedsHuman;
import dev.supportbot.workflows.portalaccess.PortalAccessState.Requested;
import dev.supportbot.workflows.portalaccess.PortalAccessState.SelfService;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one decision before the approvers: whose account (the requester's address must be the account's own; a request
 * naming another address goes to an agent), what is asked for (the confirmation when the request speaks of confirming,
 * else a sign-in link), and how: a GitLab.com-linked account signs in with GitLab.com, an account that manages no
 * billing account gets the self-service steps, a subscription contact gets a plan that has the portal send it.
 */
final class Starting {
    private Starting() {}

    static List<FactRequest<?>> factsOnStart(Requested s, TicketUpdated e) {
        String email = requesterOf(e.ticket());
        return email == null ? List.of() : List.of(new FactRequest.PortalAccountOf(email));
    }

    static Decision<PortalAccessState> start(Requested s, TicketUpdated e, Facts facts, Context ctx) {
        Ticket ticket = e.ticket();
        String email = requesterOf(ticket);
        if (email == null) return handoff(ticket.id(), Handoff.NO_REQUESTER_EMAIL, null, ctx);
        String request = ticket.subject() + "\n" + ticket.description();
        List<String> others = Emails.writtenIn(request, List.of(email));
        if (!others.isEmpty()) return handoff(ticket.id(), Handoff.ANOTHER_ADDRESS, String.join(", ", others), ctx);
        Optional<BackendState> account = facts.find(new FactRequest.PortalAccountOf(email));
        Optional<Customer> customer = account.flatMap(a -> a.customerByEmail(email));
        if (customer.isEmpty()) return handoff(ticket.id(), Handoff.NO_ACCOUNT, null, ctx);

        Help help = request.toLowerCase(Locale.ROOT).contains("confirm") ? Help.CONFIRMATION : Help.SIGN_IN_LINK;
        boolean linked = customer.get().hasLinkedAccount();
        if (linked || account.get().membershipsOfCustomer(customer.get().id()).isEmpty()) {
            return Decision.of(new SelfService(ticket.id(), help, linked, ctx.now()),
                    new Effect.PublicComment(linked ? Messages.signInWithGitLab(help) : Messages.selfService(help)),
                    new Effect.PrivateNote(Notes.selfService(help, linked)));
        }
        Planning planning = PortalAccessPlanner.plan(new PortalAccessPlanner.Request(ticket.id(),
                List.of(new Evidence("the requester's own account", email + ", the address the request came from")),
                account.get(), email, help));
        if (planning instanceof Planning.Proposed p) {
            return Approving.GATE.ask(p.plan(), ctx,
                    ask -> new Gate(ticket.id(), help, ask));
        }
        return handoff(ticket.id(), Handoff.NO_PLAN, ((Planning.NotPlanned) planning).reason(), ctx);
    }

    private static String requesterOf(Ticket ticket) {
        String email = ticket.requester() == null ? null : ticket.requester().email();
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    private static Decision<PortalAccessState> handoff(long ticketId, Handoff why, String detail, Context ctx) {
        return Decision.of(new NeedsHuman(ticketId, why, ctx.now()), new Effect.PrivateNote(Notes.handoff(why, detail)));
    }
}
