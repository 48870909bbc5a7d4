package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.FactRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Drives the workflow as the bot does: factsNeeded, fetch, decide, keep the state. Records everything. */
final class Flow {
    final OwnershipVerification workflow = new OwnershipVerification();
    final FakePortal portal;
    Context ctx = Fixtures.CTX;
    OwnershipState state;
    List<FactRequest<?>> lastFacts = List.of();
    final List<OwnershipState> states = new ArrayList<>();
    final List<Effect> allEffects = new ArrayList<>();

    Flow(FakePortal portal) {
        this(portal, new OwnershipState.Requested());
    }

    Flow(FakePortal portal, OwnershipState start) {
        this.portal = portal;
        this.state = start;
        states.add(start);
    }

    Decision<OwnershipState> send(Event event) {
        lastFacts = workflow.factsNeeded(state, event);
        Decision<OwnershipState> d = workflow.decide(state, event, portal.answer(lastFacts), ctx);
        state = d.state();
        states.add(state);
        allEffects.addAll(d.effects());
        return d;
    }

    Flow at(Instant now) {
        ctx = new Context(now, ctx.policy(), ctx.settings());
        return this;
    }

    Flow after(Duration d) {
        return at(ctx.now().plus(d));
    }

    /** A flow already waiting for proof: started by {@code requester} on a ticket naming the subscription. */
    static Flow awaitingProof(Fixtures.Setup setup, dev.supportbot.workflows.engine.Person requester) {
        Flow flow = new Flow(setup.portal());
        flow.send(new Event.TicketUpdated(Fixtures.ticket("About " + Fixtures.SUBSCRIPTION, "", requester), List.of()));
        if (!(flow.state instanceof OwnershipState.AwaitingProof)) throw new IllegalStateException("not awaiting: " + flow.state);
        return flow;
    }

    /** The requester's ticket with new comments. */
    Decision<OwnershipState> comments(dev.supportbot.workflows.engine.Person requester, dev.supportbot.workflows.engine.Comment... comments) {
        return send(new Event.TicketUpdated(Fixtures.ticket("About " + Fixtures.SUBSCRIPTION, "", requester), List.of(comments)));
    }

    static <T extends Effect> List<T> effects(Decision<?> d, Class<T> type) {
        return d.effects().stream().filter(type::isInstance).map(type::cast).toList();
    }

    static String publicText(Decision<?> d) {
        return String.join("\n---\n", effects(d, Effect.PublicComment.class).stream().map(Effect.PublicComment::body).toList());
    }

    static String notes(Decision<?> d) {
        return String.join("\n---\n", effects(d, Effect.PrivateNote.class).stream().map(Effect.PrivateNote::body).toList());
    }
}
