package dev.supportbot.workflows.addcontact;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.HistoryEntry;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.Person;
import dev.supportbot.workflows.engine.Ticket;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import dev.supportbot.workflows.plan.BackendState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The back end as the sandbox portal seeds it (config/sandbox-seed.yaml): Acme (Sold To Pat, Bill To Bo, member Pat;
 * Sam a customer without membership, login on), Initech (Bill Sold To and Bill To; Milton, login switched off after
 * his record was created) and Hooli (Gavin). Variations with the {@code with...} methods.
 */
final class Sandbox {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final long TICKET = 4242;

    static final String ACME_SUBSCRIPTION = "A-S00001001";
    static final long ACME = 1001;
    static final long PAT = 1101;
    static final long SAM = 1102;
    static final String INITECH_SUBSCRIPTION = "A-S00003001";
    static final long INITECH = 1003;
    static final long MILTON = 1302;
    static final String HOOLI_SUBSCRIPTION = "A-S00005001";
    static final long HOOLI = 1005;

    static final Person SAM_RIVERA = new Person("Sam Rivera", "sam@acme.example");
    static final Person MILTON_WADDAMS = new Person("Milton Waddams", "milton@initech.example");
    static final Person PAT_LEE = new Person("Pat Lee", "pat@acme.example");
    static final Person NEWCOMER = new Person("Nia New", "nia@acme.example");
    static final Person AGENT = new Person("Agent Smith", "agent.smith@helpdesk.example");

    /** The Sold To contacts: their addresses never reach the requester. */
    static final List<String> SOLD_TO_EMAILS = List.of("pat@acme.example", "bill@initech.example", "gavin@hooli.example");
    static final List<String> SOLD_TO_ADDRESSES = List.of("1 Roadrunner Way", "4120 Freidrich Lane", "1 Hooli Way");

    /** 24 alphanumeric characters: a cloud activation code. */
    static final String ACTIVATION_CODE = "Q7xK2mP9vR4tL8nB3cW6yZ1d";

    private final List<Customer> customers = new ArrayList<>();
    private final List<BillingAccount> accounts = new ArrayList<>();
    private final List<Membership> memberships = new ArrayList<>();
    private final Map<String, Long> accountOfSubscription = new HashMap<>();
    private final Map<String, List<HistoryEntry>> histories = new HashMap<>();

    static Sandbox seeded() {
        Sandbox s = new Sandbox();
        s.accounts.add(new BillingAccount(ACME, "A00001001", "Acme Corp",
                new Contact("Pat", "Lee", "pat@acme.example", "1 Roadrunner Way, Phoenix, AZ 85001, US"),
                new Contact("Bo", "Chan", "billing@acme.example", "1 Roadrunner Way, Phoenix, AZ 85001, US"), null));
        s.customers.add(new Customer(PAT, "Pat", "Lee", "pat@acme.example", "Acme Corp", true, 5001L));
        s.customers.add(new Customer(SAM, "Sam", "Rivera", "sam@acme.example", "Acme Corp", true, null));
        s.memberships.add(new Membership(1, PAT, ACME));
        s.accountOfSubscription.put(ACME_SUBSCRIPTION, ACME);
        s.histories.put("sam@acme.example", List.of(created("2026-10-22T00:00:00Z")));

        Contact bill = new Contact("Bill", "Lumbergh", "bill@initech.example", "4120 Freidrich Lane, Austin, TX, US");
        s.accounts.add(new BillingAccount(INITECH, "A00003001", "Initech", bill, bill, null));
        s.customers.add(new Customer(1301, "Bill", "Lumbergh", "bill@initech.example", "Initech", true, 7001L));
        s.customers.add(new Customer(MILTON, "Milton", "Waddams", "milton@initech.example", "Initech", false, null));
        s.memberships.add(new Membership(2, 1301, INITECH));
        s.accountOfSubscription.put(INITECH_SUBSCRIPTION, INITECH);
        s.histories.put("milton@initech.example", List.of(created("2025-10-27T00:00:00Z"),
                new HistoryEntry(2, "update", Map.of("login_activated", new HistoryEntry.Change("true", "false")),
                        Instant.parse("2026-08-23T16:45:00Z"))));

        Contact gavin = new Contact("Gavin", "Belson", "gavin@hooli.example", "1 Hooli Way, Palo Alto, CA, US");
        s.accounts.add(new BillingAccount(HOOLI, "A00005001", "Hooli", gavin, gavin, null));
        s.customers.add(new Customer(1501, "Gavin", "Belson", "gavin@hooli.example", "Hooli", true, null));
        s.memberships.add(new Membership(3, 1501, HOOLI));
        s.accountOfSubscription.put(HOOLI_SUBSCRIPTION, HOOLI);
        return s;
    }

    Sandbox withLogin(long customerId, boolean on) {
        Customer c = customers.stream().filter(x -> x.id() == customerId).findFirst().orElseThrow();
        customers.remove(c);
        customers.add(new Customer(c.id(), c.firstName(), c.lastName(), c.email(), c.company(), on, c.uid()));
        return this;
    }

    /** A customer record appears, as when someone signs up to the portal. */
    Sandbox withCustomer(Customer customer) {
        customers.add(customer);
        return this;
    }

    Sandbox withMembership(long id, long customerId, long accountId) {
        memberships.add(new Membership(id, customerId, accountId));
        return this;
    }

    /** Acme's Bill To becomes the Sold To's person (as for Initech and Hooli). */
    Sandbox withAcmeBillToSameAsSoldTo() {
        BillingAccount a = accounts.stream().filter(x -> x.id() == ACME).findFirst().orElseThrow();
        accounts.remove(a);
        accounts.add(new BillingAccount(a.id(), a.zuoraAccountId(), a.company(), a.soldTo(), a.soldTo(), null));
        return this;
    }

    /** Acme's subscription as bought through a reseller whose invoice-owner account's Sold To writes from {@code resellerEmail}. */
    Sandbox withAcmeBoughtThrough(String reseller, String resellerEmail) {
        BillingAccount a = accounts.stream().filter(x -> x.id() == ACME).findFirst().orElseThrow();
        accounts.remove(a);
        accounts.add(new BillingAccount(a.id(), a.zuoraAccountId(), a.company(), a.soldTo(), a.billTo(),
                new BillingAccount.Reseller(reseller, "Z-RESELLER", resellerEmail)));
        return this;
    }

    Sandbox withoutAccountOf(String subscription) {
        accountOfSubscription.remove(subscription);
        return this;
    }

    Long accountOf(String subscription) {
        return accountOfSubscription.get(subscription);
    }

    BackendState state() {
        return new BackendState(customers, accounts, memberships);
    }

    List<HistoryEntry> historyOf(String email) {
        return histories.getOrDefault(email, List.of());
    }

    static Outcome verified(String subscription) {
        return new Outcome(OwnershipVerification.KIND, Outcome.VERIFIED, true,
                Map.of(Outcome.SUBSCRIPTION, subscription, Outcome.PROOF, "INVOICE"));
    }

    static Outcome ownership(String result, boolean finished) {
        return new Outcome(OwnershipVerification.KIND, result, finished, Map.of());
    }

    static Ticket ticket(Person requester) {
        return new Ticket(TICKET, "Please add me to our subscription", "", requester, Set.of(AddContact.START_TAG), "open");
    }

    static Comment fromRequester(long id, Person requester, String body) {
        return new Comment(id, requester, true, true, body, List.of());
    }

    private static HistoryEntry created(String at) {
        return new HistoryEntry(1, "create", Map.of("login_activated", new HistoryEntry.Change(null, "true")), Instant.parse(at));
    }
}
