package dev.supportbot.workflows.typofix;

import static dev.supportbot.workflows.approved.Phases.asking;
import static dev.supportbot.workflows.approved.Phases.isAsking;

import dev.supportbot.workflows.approved.Confirmations;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.CloudActivation;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.domain.LicenseKind;
import dev.supportbot.workflows.domain.MailDelivery;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.Person;
import dev.supportbot.workflows.engine.PlanFacts;
import dev.supportbot.workflows.engine.Policy;
import dev.supportbot.workflows.engine.Ticket;
import dev.supportbot.workflows.engine.WorkflowSettings;
import dev.supportbot.workflows.plan.BackendState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drives the typo fix as the bot does (factsNeeded, answer, decide, keep the state) against a back end shaped like the
 * sandbox seed's Umbrella (Sold To alice@umbrela.example, the code mail bounced with 550, code unused), Hooli (code
 * used, mail delivered) and Acme (legacy license, mail delivered). Records every state and effect.
 */
final class Flow {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final long TICKET = 5150;
    static final String TYPO = "alice@umbrela.example";
    static final String FIXED = "alice@umbrella.example";
    static final String UMBRELLA_SUBSCRIPTION = "A-S00004001";
    static final String HOOLI_SUBSCRIPTION = "A-S00005001";
    static final long ALICE = 1401;
    /** 24 alphanumeric characters: the cloud activation code the bounced mail's subject quotes. */
    static final String ACTIVATION_CODE = "Q7xK2mP9vR4tL8nB3cW6yZ1d";
    static final Person AM = new Person("Avery Manager", "avery.manager@vendor.example");
    static final Instant BOUNCED_AT = Instant.parse("2026-11-26T09:12:00Z");

    final TypoFix workflow = new TypoFix();
    final Map<String, List<License>> licensesByEmail = new HashMap<>();
    final Map<String, CloudActivation> activations = new HashMap<>();
    final Map<String, List<MailDelivery>> mailLog = new HashMap<>();
    final List<Customer> customers = new ArrayList<>();
    final List<BillingAccount> accounts = new ArrayList<>();
    final List<Membership> memberships = new ArrayList<>();
    final Map<String, Long> accountOfSubscription = new HashMap<>();

    /** The AM writes from the staff domain, as the handbook's internal request does. */
    static final Policy POLICY = Policy.defaults().withStaffEmailDomains(Set.of("vendor.example"));

    Context ctx = new Context(NOW, POLICY, WorkflowSettings.defaults());
    TypoFixState state = new TypoFixState.Requested(null);
    Ticket ticket = request("Please fix the typo: " + TYPO + " should be " + FIXED);
    final List<TypoFixState> states = new ArrayList<>(List.of(state));
    final List<Effect> allEffects = new ArrayList<>();
    private long commentIds = 100;

    Flow() {
        Contact alice = new Contact("Alice", "Abernathy", TYPO, "545 S Birdneck Rd, Raccoon City, US");
        accounts.add(new BillingAccount(1004, "A00004001", "Umbrella", alice, alice, null));
        customers.add(new Customer(ALICE, "Alice", "Abernathy", TYPO, "Umbrella", true, null));
        memberships.add(new Membership(4, ALICE, 1004));
        accountOfSubscription.put(UMBRELLA_SUBSCRIPTION, 1004L);
        licensesByEmail.put(TYPO, List.of(license(1401, UMBRELLA_SUBSCRIPTION, TYPO, LicenseKind.CLOUD)));
        activations.put(UMBRELLA_SUBSCRIPTION, new CloudActivation(UMBRELLA_SUBSCRIPTION, List.of()));
        mailLog.put(TYPO, List.of(new MailDelivery(TYPO, MailDelivery.Status.FAILED, 550, "5.1.1 mailbox unavailable",
                "Your GitLab activation code: " + ACTIVATION_CODE, BOUNCED_AT)));

        licensesByEmail.put("gavin@hooli.example", List.of(license(1501, HOOLI_SUBSCRIPTION, "gavin@hooli.example", LicenseKind.CLOUD)));
        activations.put(HOOLI_SUBSCRIPTION, new CloudActivation(HOOLI_SUBSCRIPTION, List.of(new CloudActivation.InstanceActivation(
                "6f1c2b7e", "gitlab.hooli.example", Instant.parse("2026-10-04T11:20:00Z")))));
        mailLog.put("gavin@hooli.example", List.of(delivered("gavin@hooli.example", "Your GitLab activation code: " + ACTIVATION_CODE)));

        licensesByEmail.put("pat@acme.example", List.of(license(1101, "A-S00001001", "pat@acme.example", LicenseKind.LEGACY_FILE)));
        mailLog.put("pat@acme.example", List.of(delivered("pat@acme.example", "Your GitLab license file for A-S00001001")));
    }

    static Flow in(TypoFixState start) {
        Flow flow = new Flow();
        flow.state = start;
        flow.states.add(start);
        return flow;
    }

    static Ticket request(String description) {
        return new Ticket(TICKET, "Internal request: email typo", description, AM, Set.of(TypoFix.START_TAG), "open");
    }

    static License license(long id, String subscription, String email, LicenseKind kind) {
        return new License(id, subscription, "Licensee", email, "Company", "Premium", 100, 0, LocalDate.parse("2026-11-26"),
                LocalDate.parse("2026-11-26"), LocalDate.parse("2027-11-26"), false, kind);
    }

    static MailDelivery delivered(String to, String subject) {
        return new MailDelivery(to, MailDelivery.Status.DELIVERED, 250, "OK", subject, Instant.parse("2026-10-02T14:03:00Z"));
    }

    Decision<TypoFixState> send(Event event) {
        List<FactRequest<?>> needed = workflow.factsNeeded(state, event);
        Decision<TypoFixState> d = workflow.decide(state, event, answer(needed), ctx);
        state = d.state();
        states.add(state);
        allEffects.addAll(d.effects());
        return d;
    }

    Facts answer(List<FactRequest<?>> requests) {
        Facts.Builder facts = Facts.builder();
        for (FactRequest<?> r : requests) {
            if (r instanceof FactRequest.LicensesOfCustomer l) facts.put(r, licensesByEmail.getOrDefault(l.email(), List.of()));
            else if (r instanceof FactRequest.CloudActivationOf c) facts.put(r, activations.get(c.subscriptionName()));
            else if (r instanceof FactRequest.MailDeliveriesOf m) facts.put(r, mailLog.getOrDefault(m.recipient(), List.of()));
            else if (r instanceof FactRequest.PlanFactsOf p) facts.put(r, planFacts(p));
            else if (r instanceof FactRequest.BillingAccountById b) facts.put(r, Confirmations.asPredicted(state, b));
            else throw new IllegalArgumentException("not expected: " + r);
        }
        return facts.build();
    }

    private PlanFacts planFacts(FactRequest.PlanFactsOf p) {
        Long account = accountOfSubscription.get(p.subscriptionName());
        return account == null ? null : new PlanFacts(account, new BackendState(customers, accounts, memberships), Map.of());
    }

    Flow after(Duration d) {
        ctx = new Context(ctx.now().plus(d), ctx.policy(), ctx.settings());
        return this;
    }

    // ---- the events the bot sends

    Decision<TypoFixState> start() {
        return send(new Event.TicketUpdated(ticket, List.of()));
    }

    Decision<TypoFixState> amReplies(String body) {
        return send(new Event.TicketUpdated(ticket, List.of(new Comment(commentIds++, AM, true, true, body, List.of()))));
    }

    Decision<TypoFixState> continued() {
        return send(new Event.EffectSucceeded(last(Effect.Continue.class).key(), Map.of()));
    }

    Decision<TypoFixState> approvalPosted(long approvalId) {
        return send(new Event.EffectSucceeded(last(Effect.RequestApproval.class).key(),
                Map.of(Effect.RequestApproval.APPROVAL_ID, Long.toString(approvalId))));
    }

    Decision<TypoFixState> approved(long approvalId, String approver) {
        String hash = asking(state).planHash();
        return send(new Event.ApprovalDecided(approvalId, hash, true, List.of(approver), null));
    }

    Decision<TypoFixState> stepSucceeded() {
        return send(new Event.EffectSucceeded(last(Effect.RunPlanStep.class).key(), Map.of(Effect.RunPlanStep.ALREADY_DONE, "false")));
    }

    Decision<TypoFixState> stepFailed(String reason) {
        return send(new Event.EffectFailed(last(Effect.RunPlanStep.class).key(), reason));
    }

    /** From the macro to the question to the AM. */
    static Flow awaitingConfirmation() {
        Flow flow = new Flow();
        flow.start();
        flow.continued();
        if (!(flow.state instanceof TypoFixState.AwaitingConfirmation)) throw new IllegalStateException("not asking: " + flow.state);
        return flow;
    }

    /** From the macro to the approval request, the AM having said yes. */
    static Flow awaitingApproval() {
        Flow flow = awaitingConfirmation();
        flow.amReplies("Yes, that is right.");
        flow.continued();
        if (!isAsking(flow.state)) throw new IllegalStateException("no plan: " + flow.state);
        return flow;
    }

    <T extends Effect> T last(Class<T> type) {
        for (int i = allEffects.size() - 1; i >= 0; i--) if (type.isInstance(allEffects.get(i))) return type.cast(allEffects.get(i));
        throw new IllegalStateException("no " + type.getSimpleName() + " yet");
    }

    static <T extends Effect> List<T> effects(Decision<?> d, Class<T> type) {
        return d.effects().stream().filter(type::isInstance).map(type::cast).toList();
    }

    static String notes(Decision<?> d) {
        return String.join("\n---\n", effects(d, Effect.PrivateNote.class).stream().map(Effect.PrivateNote::body).toList());
    }

    static String publicText(Decision<?> d) {
        return String.join("\n---\n", effects(d, Effect.PublicComment.class).stream().map(Effect.PublicComment::body).toList());
    }
}
