package dev.supportbot.workflows.changecontact;

import static dev.supportbot.workflows.approved.Phases.asking;
import static dev.supportbot.workflows.approved.Phases.isAsking;
import static dev.supportbot.workflows.approved.Phases.isRunning;

import dev.supportbot.workflows.approved.Confirmations;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.Person;
import dev.supportbot.workflows.engine.PlanFacts;
import dev.supportbot.workflows.engine.Policy;
import dev.supportbot.workflows.engine.Ticket;
import dev.supportbot.workflows.engine.WorkflowSettings;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import dev.supportbot.workflows.plan.BackendState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drives a contact change as the bot does (factsNeeded, answer, decide, keep the state) against a back end shaped
 * like the sandbox seed's Acme (Sold To Pat Lee, member Pat with a linked GitLab.com account, Bill To Bo at billing@
 * without a portal account; Sam Rivera a customer without membership). Records every state and effect. Bo, a contact
 * of the subscription from Pat's domain, gets the self-service steps; Sam and Nia, from Pat's domain but no contacts
 * of it, go straight to the support-assisted path.
 */
final class Flow {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final long TICKET = 6100;
    static final String SUBSCRIPTION = "A-S00001001";
    static final String PAT = "pat@acme.example";
    static final String SAM_EMAIL = "sam@acme.example";
    static final Person SAM = new Person("Sam Rivera", SAM_EMAIL);
    static final Person NIA = new Person("Nia Ng", "nia@acme.example");
    static final String BO_EMAIL = "billing@acme.example";
    static final Person BO = new Person("Bo Chan", BO_EMAIL);
    static final String ADDRESS = "1 Roadrunner Way, Phoenix, AZ 85001, US";

    final ChangeContact workflow = new ChangeContact();
    final List<Customer> customers = new ArrayList<>();
    final List<BillingAccount> accounts = new ArrayList<>();
    final List<Membership> memberships = new ArrayList<>();
    /** The ownership verification's outcome on the ticket; null: none ran. */
    Outcome ownership = null;

    Context ctx = new Context(NOW, Policy.defaults(), WorkflowSettings.defaults());
    ChangeContactState state = new ChangeContactState.Requested(null);
    Ticket ticket;
    final List<ChangeContactState> states = new ArrayList<>(List.of(state));
    final List<Effect> allEffects = new ArrayList<>();
    private long commentIds = 100;

    Flow(Person requester) {
        ticket = new Ticket(TICKET, "New owner for " + SUBSCRIPTION, "Pat left, I take over subscription " + SUBSCRIPTION + ".",
                requester, Set.of(ChangeContact.START_TAG), "open");
        accounts.add(new BillingAccount(1001, "A00001001", "Acme", new Contact("Pat", "Lee", PAT, ADDRESS),
                new Contact("Bo", "Chan", BO_EMAIL, ADDRESS), null));
        customers.add(new Customer(1101, "Pat", "Lee", PAT, "Acme", true, 5001L));
        customers.add(new Customer(1102, "Sam", "Rivera", SAM_EMAIL, "Acme", true, null));
        memberships.add(new Membership(1, 1101, 1001));
    }

    static Outcome verified() {
        return new Outcome(OwnershipVerification.KIND, Outcome.VERIFIED, true,
                Map.of(Outcome.SUBSCRIPTION, SUBSCRIPTION, Outcome.PROOF, "INVOICE"));
    }

    static Flow in(ChangeContactState start) {
        Flow flow = new Flow(SAM);
        flow.state = start;
        flow.states.add(start);
        return flow;
    }

    Decision<ChangeContactState> send(Event event) {
        List<FactRequest<?>> needed = workflow.factsNeeded(state, event);
        Decision<ChangeContactState> d = workflow.decide(state, event, answer(needed), ctx);
        state = d.state();
        states.add(state);
        allEffects.addAll(d.effects());
        return d;
    }

    Facts answer(List<FactRequest<?>> requests) {
        Facts.Builder facts = Facts.builder();
        for (FactRequest<?> r : requests) {
            if (r instanceof FactRequest.OutcomeOf) facts.put(r, ownership);
            else if (r instanceof FactRequest.PlanFactsOf p) facts.put(r, SUBSCRIPTION.equals(p.subscriptionName())
                    ? new PlanFacts(1001, new BackendState(customers, accounts, memberships), Map.of()) : null);
            else if (r instanceof FactRequest.BillingAccountById b) facts.put(r, Confirmations.asPredicted(state, b));
            else throw new IllegalArgumentException("not expected: " + r);
        }
        return facts.build();
    }

    Flow after(Duration d) {
        ctx = new Context(ctx.now().plus(d), ctx.policy(), ctx.settings());
        return this;
    }

    // ---- the events the bot sends

    Decision<ChangeContactState> start() {
        return send(new Event.TicketUpdated(ticket, List.of()));
    }

    Decision<ChangeContactState> requesterReplies(String body) {
        return send(new Event.TicketUpdated(ticket, List.of(new Comment(commentIds++, ticket.requester(), true, true, body,
                List.of()))));
    }

    Decision<ChangeContactState> command(Command command) {
        return send(new Event.AgentCommand(command, "agent@vendor.example"));
    }

    Decision<ChangeContactState> ownershipFinished(Outcome outcome) {
        ownership = outcome;
        return send(new Event.WorkflowFinished(outcome));
    }

    Decision<ChangeContactState> continued() {
        return send(new Event.EffectSucceeded(last(Effect.Continue.class).key(), Map.of()));
    }

    Decision<ChangeContactState> approvalPosted(long approvalId) {
        return send(new Event.EffectSucceeded(last(Effect.RequestApproval.class).key(),
                Map.of(Effect.RequestApproval.APPROVAL_ID, Long.toString(approvalId))));
    }

    Decision<ChangeContactState> approved(long approvalId, String... approvers) {
        String hash = asking(state).planHash();
        return send(new Event.ApprovalDecided(approvalId, hash, true, List.of(approvers), null));
    }

    Decision<ChangeContactState> stepSucceeded() {
        return send(new Event.EffectSucceeded(last(Effect.RunPlanStep.class).key(), Map.of(Effect.RunPlanStep.ALREADY_DONE, "false")));
    }

    Decision<ChangeContactState> stepFailed(String reason) {
        return send(new Event.EffectFailed(last(Effect.RunPlanStep.class).key(), reason));
    }

    /** Support-assisted from the start ("Email has already been taken" in the request), ownership already verified. */
    static Flow assistedAwaitingApproval(Person requester) {
        Flow flow = new Flow(requester);
        flow.ownership = verified();
        flow.ticket = new Ticket(TICKET, "Change owner of " + SUBSCRIPTION, "The portal says: Email has already been taken",
                requester, Set.of(ChangeContact.START_TAG), "open");
        flow.start();
        flow.continued();
        if (!isAsking(flow.state)) throw new IllegalStateException("no plan: " + flow.state);
        flow.approvalPosted(7);
        return flow;
    }

    /** Runs every step of the approved plan to its end. */
    void runAllSteps() {
        while (isRunning(state)) stepSucceeded();
    }

    <T extends Effect> T last(Class<T> type) {
        for (int i = allEffects.size() - 1; i >= 0; i--) if (type.isInstance(allEffects.get(i))) return type.cast(allEffects.get(i));
        throw new IllegalStateException("no " + type.getSimpleName() + " yet");
    }

    <T extends Effect> List<T> all(Class<T> type) {
        return allEffects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends Effect> List<T> effects(Decision<?> d, Class<T> type) {
        return d.effects().stream().filter(type::isInstance).map(type::cast).toList();
    }

    String notes() {
        return String.join("\n---\n", all(Effect.PrivateNote.class).stream().map(Effect.PrivateNote::body).toList());
    }
}
