package dev.supportbot.workflows.resend;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.domain.LicenseKind;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.Person;
import dev.supportbot.workflows.engine.PlanFacts;
import dev.supportbot.workflows.engine.Ticket;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import dev.supportbot.workflows.plan.BackendState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drives a resend as the bot does (facts asked, answered, decided), against a small back end: Acme (Sold To Pat,
 * Bill To Bo, members Pat and Sam) with a license file, Hooli (Sold To Gavin) with a cloud license, and Globex bought
 * through the reseller Resellco. Records every effect.
 */
final class ResendFlow {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final long TICKET = 5151;
    static final String ACME = "A-S00001001";
    static final String HOOLI = "A-S00005001";
    static final String GLOBEX = "A-S00006001";
    static final Person SAM = new Person("Sam Rivera", "sam@acme.example");
    static final Person GAVIN_DEPUTY = new Person("Dana Deputy", "dana@hooli.example");
    static final Person RESELLER = new Person("Rita Reseller", "rita@resellco.example");
    static final List<String> SOLD_TO_EMAILS = List.of("pat@acme.example", "gavin@hooli.example", "hank@globex.example");

    final ResendLicense workflow = new ResendLicense();
    final List<Effect> allEffects = new ArrayList<>();
    final Context ctx = Context.at(NOW);
    Outcome ownership;
    List<License> licenses = null;
    ResendLicenseState state = new ResendLicenseState.Requested();

    ResendFlow(Outcome ownership) {
        this.ownership = ownership;
    }

    static Outcome verified(String subscription) {
        return new Outcome(OwnershipVerification.KIND, Outcome.VERIFIED, true,
                Map.of(Outcome.SUBSCRIPTION, subscription, Outcome.PROOF, "INVOICE"));
    }

    static Outcome ended(String result) {
        return new Outcome(OwnershipVerification.KIND, result, true, Map.of());
    }

    Decision<ResendLicenseState> send(Event event) {
        List<FactRequest<?>> needed = workflow.factsNeeded(state, event);
        Decision<ResendLicenseState> d = workflow.decide(state, event, answer(needed), ctx);
        state = d.state();
        allEffects.addAll(d.effects());
        return d;
    }

    Decision<ResendLicenseState> start(Person requester, String description) {
        return send(new Event.TicketUpdated(new Ticket(TICKET, "License needed", description, requester,
                Set.of(ResendLicense.START_TAG), "open"), List.of()));
    }

    /** From the start to the decision after the plan's facts: the plan, or why there is none. */
    Decision<ResendLicenseState> planned(Person requester, String description) {
        start(requester, description);
        return continued();
    }

    Decision<ResendLicenseState> continued() {
        return send(new Event.EffectSucceeded(last(Effect.Continue.class).key(), Map.of()));
    }

    <T extends Effect> T last(Class<T> type) {
        for (int i = allEffects.size() - 1; i >= 0; i--) if (type.isInstance(allEffects.get(i))) return type.cast(allEffects.get(i));
        throw new IllegalStateException("no " + type.getSimpleName() + " yet");
    }

    <T extends Effect> List<T> all(Class<T> type) {
        return allEffects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private Facts answer(List<FactRequest<?>> requests) {
        Facts.Builder facts = Facts.builder();
        for (FactRequest<?> r : requests) {
            if (r instanceof FactRequest.OutcomeOf) facts.put(r, ownership);
            else if (r instanceof FactRequest.PlanFactsOf p) facts.put(r, planFacts(p.subscriptionName()));
            else if (r instanceof FactRequest.LicensesOfSubscription l) facts.put(r, licenses != null ? licenses : licensesOf(l.subscriptionName()));
            else if (r instanceof FactRequest.BillingAccountById b) {
                facts.put(r, world().account(b.id()).orElse(null));
            } else throw new IllegalArgumentException("not expected: " + r);
        }
        return facts.build();
    }

    private static PlanFacts planFacts(String subscription) {
        long account = switch (subscription) {
            case ACME -> 1001;
            case HOOLI -> 1005;
            case GLOBEX -> 1006;
            default -> -1;
        };
        return account < 0 ? null : new PlanFacts(account, world(), Map.of());
    }

    static BackendState world() {
        Contact pat = new Contact("Pat", "Lee", "pat@acme.example", "1 Roadrunner Way");
        Contact bo = new Contact("Bo", "Chan", "billing@acme.example", "1 Roadrunner Way");
        Contact gavin = new Contact("Gavin", "Belson", "gavin@hooli.example", "1 Hooli Way");
        Contact hank = new Contact("Hank", "Scorpio", "hank@globex.example", "1 Globex Road");
        return new BackendState(
                List.of(new Customer(1101, "Pat", "Lee", "pat@acme.example", "Acme Corp", true, 5001L),
                        new Customer(1102, "Sam", "Rivera", "sam@acme.example", "Acme Corp", true, null),
                        new Customer(1501, "Gavin", "Belson", "gavin@hooli.example", "Hooli", true, null),
                        new Customer(1601, "Hank", "Scorpio", "hank@globex.example", "Globex", true, null)),
                List.of(new BillingAccount(1001, "A00001001", "Acme Corp", pat, bo, null),
                        new BillingAccount(1005, "A00005001", "Hooli", gavin, gavin, null),
                        new BillingAccount(1006, "A00006001", "Globex", hank, hank,
                                new BillingAccount.Reseller("Resellco", "A00009001", "sales@resellco.example"))),
                List.of(new Membership(1, 1101, 1001), new Membership(2, 1102, 1001), new Membership(3, 1501, 1005),
                        new Membership(4, 1601, 1006)));
    }

    static List<License> licensesOf(String subscription) {
        return switch (subscription) {
            case ACME -> List.of(license(2001, ACME, LicenseKind.LEGACY_FILE, "2025-12-01", false),
                    license(2002, ACME, LicenseKind.LEGACY_FILE, "2026-11-20", false),
                    license(2003, ACME, LicenseKind.LEGACY_FILE, "2026-11-25", true));
            case HOOLI -> List.of(license(2501, HOOLI, LicenseKind.CLOUD, "2026-06-01", false));
            case GLOBEX -> List.of(license(2601, GLOBEX, LicenseKind.CLOUD, "2026-09-01", false));
            default -> List.of();
        };
    }

    static License license(long id, String subscription, LicenseKind kind, String issued, boolean trial) {
        LocalDate day = LocalDate.parse(issued);
        return new License(id, subscription, "Licensee", "licensee@example.com", "Company", "premium", 10, 0, day, day,
                day.plusYears(1), trial, kind);
    }
}
