package dev.supportbot.workflows.plan;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.HistoryEntry;
import dev.supportbot.workflows.domain.Membership;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Back end states for the tests, built like the sandbox seed: Acme (account 10, Sold To Pat, Bill To Bo at
 * billing@, member Pat; Sam a customer without membership) and Hooli (account 20, Gavin Sold To and Bill To, member).
 * Variations are made with the {@code with...} methods.
 */
final class World {
    static final long ACME = 10;
    static final long HOOLI = 20;
    static final long PAT = 1;
    static final long SAM = 2;
    static final long GAVIN = 3;
    static final String ACME_ADDRESS = "1 Roadrunner Way";

    private final List<Customer> customers = new ArrayList<>();
    private final List<BillingAccount> accounts = new ArrayList<>();
    private final List<Membership> memberships = new ArrayList<>();

    static World seeded() {
        World w = new World();
        w.customers.add(new Customer(PAT, "Pat", "Lee", "pat@acme.example", "Acme", true, 5001L));
        w.customers.add(new Customer(SAM, "Sam", "Rivera", "sam@acme.example", "Acme", true, null));
        w.customers.add(new Customer(GAVIN, "Gavin", "Belson", "gavin@hooli.example", "Hooli", true, null));
        w.accounts.add(new BillingAccount(ACME, "A00001001", "Acme", contact("Pat", "Lee", "pat@acme.example"),
                contact("Bo", "Chan", "billing@acme.example"), null));
        w.accounts.add(new BillingAccount(HOOLI, "A00005001", "Hooli", new Contact("Gavin", "Belson", "gavin@hooli.example",
                "1 Hooli Way"), new Contact("Gavin", "Belson", "gavin@hooli.example", "1 Hooli Way"), null));
        w.memberships.add(new Membership(100, PAT, ACME));
        w.memberships.add(new Membership(101, GAVIN, HOOLI));
        return w;
    }

    static Contact contact(String first, String last, String email) {
        return new Contact(first, last, email, ACME_ADDRESS);
    }

    World withCustomer(Customer c) {
        customers.removeIf(x -> x.id() == c.id());
        customers.add(c);
        return this;
    }

    World withLogin(long customerId, boolean on) {
        Customer c = customer(customerId);
        return withCustomer(new Customer(c.id(), c.firstName(), c.lastName(), c.email(), c.company(), on, c.uid()));
    }

    World withoutCustomer(long customerId) {
        customers.removeIf(x -> x.id() == customerId);
        memberships.removeIf(m -> m.customerId() == customerId);
        return this;
    }

    /** Acme's Bill To becomes the Sold To's person (as for Initech and Hooli). */
    World withAcmeBillToSameAsSoldTo() {
        BillingAccount a = account(ACME);
        accounts.remove(a);
        accounts.add(new BillingAccount(a.id(), a.zuoraAccountId(), a.company(), a.soldTo(), a.soldTo(), null));
        return this;
    }

    static final long RITA = 4;
    static final String RESELLER_EMAIL = "rita@partner.example";

    /**
     * Acme bought through Partner Co, whose invoice-owner Sold To is at partner.example; Rita of Partner Co has a
     * portal account of her own (customer 4, no membership).
     */
    World withAcmeBoughtThroughReseller() {
        BillingAccount a = account(ACME);
        accounts.remove(a);
        accounts.add(new BillingAccount(a.id(), a.zuoraAccountId(), a.company(), a.soldTo(), a.billTo(),
                new BillingAccount.Reseller("Partner Co", "Z-PARTNER", "orders@partner.example")));
        return withCustomer(new Customer(RITA, "Rita", "Reseller", RESELLER_EMAIL, "Partner Co", true, null));
    }

    World withAccount(BillingAccount a) {
        accounts.removeIf(x -> x.id() == a.id());
        accounts.add(a);
        return this;
    }

    World withMembership(long id, long customerId, long accountId) {
        memberships.add(new Membership(id, customerId, accountId));
        return this;
    }

    World withoutMembership(long id) {
        memberships.removeIf(m -> m.id() == id);
        return this;
    }

    Customer customer(long id) {
        return customers.stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    BillingAccount account(long id) {
        return accounts.stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    BackendState state() {
        return new BackendState(customers, accounts, memberships);
    }

    static List<HistoryEntry> createdThen(String... loginValuesAfterCreate) {
        List<HistoryEntry> history = new ArrayList<>();
        history.add(new HistoryEntry(1, "create", Map.of("login_activated", new HistoryEntry.Change(null, "true")),
                Instant.parse("2026-01-01T00:00:00Z")));
        for (String value : loginValuesAfterCreate) {
            history.add(new HistoryEntry(history.size() + 1, "update",
                    Map.of("login_activated", new HistoryEntry.Change(null, value)),
                    Instant.parse("2026-02-01T00:00:00Z").plusSeconds(history.size())));
        }
        return history;
    }

    static final List<Evidence> EVIDENCE = List.of(new Evidence("ownership", "invoice INV-1 of the last 12 months"));
}
