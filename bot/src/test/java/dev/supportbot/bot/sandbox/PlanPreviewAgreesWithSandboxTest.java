package dev.supportbot.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.portal.LicenseSearch;
import dev.supportbot.bot.portal.PortalClient;
import dev.supportbot.bot.sandbox.GeneratedCompanies.Login;
import dev.supportbot.bot.sandbox.GeneratedCompanies.Order;
import dev.supportbot.bot.sandbox.GeneratedCompanies.Variation;
import dev.supportbot.bot.testing.TestDatabases;
import dev.supportbot.workflows.domain.ContactRole;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.HistoryEntry;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.domain.MailDelivery;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.plan.AddContactPlanner;
import dev.supportbot.workflows.plan.BackendState;
import dev.supportbot.workflows.plan.ChangeContactPlanner;
import dev.supportbot.workflows.plan.Evidence;
import dev.supportbot.workflows.plan.Goal;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.PlanCheck;
import dev.supportbot.workflows.plan.Planning;
import dev.supportbot.workflows.plan.PortalChange;
import dev.supportbot.workflows.plan.Snapshot;
import dev.supportbot.workflows.plan.TypoFixPlanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model is the bot's belief, the sandbox portal is the world: plans from the planners (and careless and shuffled
 * orders of them) run step by step against the sandbox through the bot's plan step handler and real portal client, and
 * after every step the sandbox's Sold To, Bill To, memberships and customers equal the preview's prediction.
 */
class PlanPreviewAgreesWithSandboxTest {
    private static final List<Evidence> EVIDENCE = List.of(new Evidence("ownership", "verified on the ticket"));
    private static final List<String> SEEDED_ZUORA_IDS = List.of("A00001001", "A00002001", "A00003001", "A00004001",
            "A00005001");
    private static final List<String> SEEDED_EMAILS = List.of("pat@acme.example", "sam@acme.example",
            "billing@acme.example", "rita@globex.example", "bill@initech.example", "milton@initech.example",
            "nia@initech.example", "alice@umbrela.example", "alice@umbrella.example", "gavin@hooli.example");
    private static final int PARALLEL_VARIATIONS = 2;

    @TempDir
    Path dir;

    @Test
    void the_seeded_companies_change_as_previewed() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            PortalClient portal = sandbox.client;
            PlanAgreement agreement = new PlanAgreement(sandbox.client);
            List<Long> accounts = SEEDED_ZUORA_IDS.stream()
                    .map(z -> portal.findBillingAccountByZuoraId(z).orElseThrow().id()).toList();
            long acme = accounts.get(0);
            long globex = accounts.get(1);
            long initech = accounts.get(2);
            long umbrella = accounts.get(3);
            long hooli = accounts.get(4);

            // Acme's Sam: no membership, login on.
            Planning sam = AddContactPlanner.plan(new AddContactPlanner.Request(1, EVIDENCE, facts(agreement, accounts), acme,
                    "sam@acme.example", history(portal, "sam@acme.example"), false));
            runProposed("seeded-add-sam", agreement, sam, accounts, 1);

            // Initech's Milton: login switched off on purpose.
            Planning milton = AddContactPlanner.plan(new AddContactPlanner.Request(2, EVIDENCE, facts(agreement, accounts),
                    initech, "milton@initech.example", history(portal, "milton@initech.example"), false));
            assertThat(milton).isInstanceOfSatisfying(Planning.NotPlanned.class,
                    n -> assertThat(n.why()).isEqualTo(Planning.Why.NEEDS_HUMAN));

            // Initech's Sold To leaves; a person without a customer record takes over (Bill has a linked account).
            Planning nia = ChangeContactPlanner.newUser(new ChangeContactPlanner.NewUser(3, EVIDENCE,
                    facts(agreement, accounts), initech, "Nia", "Newman", "nia@initech.example"));
            runProposed("seeded-new-user", agreement, nia, accounts, 3);

            // Umbrella's typo.
            Planning typo = TypoFixPlanner.plan(new TypoFixPlanner.Request(4, EVIDENCE, facts(agreement, accounts), umbrella,
                    "alice@umbrella.example", TypoFixPlanner.Resend.activationCode("A-S00004001")));
            runProposed("seeded-typo", agreement, typo, accounts, 2);

            // Hooli's Gavin manages Hooli: asked first, then moved to Acme.
            assertThat(AddContactPlanner.plan(new AddContactPlanner.Request(5, EVIDENCE, facts(agreement, accounts), acme,
                    "gavin@hooli.example", history(portal, "gavin@hooli.example"), false)))
                    .isInstanceOfSatisfying(Planning.NotPlanned.class, n -> assertThat(n.why()).isEqualTo(Planning.Why.ASK_REQUESTER));
            Planning gavin = AddContactPlanner.plan(new AddContactPlanner.Request(5, EVIDENCE, facts(agreement, accounts), acme,
                    "gavin@hooli.example", history(portal, "gavin@hooli.example"), true));
            runProposed("seeded-add-gavin", agreement, gavin, accounts, 2);

            // Sam (now an Acme member) becomes Globex's Sold To, leaving Acme; the Bill To that shared Rita's email stays hers.
            Planning globexToSam = ChangeContactPlanner.existingUser(new ChangeContactPlanner.ExistingUser(6, EVIDENCE,
                    facts(agreement, accounts), globex, "sam@acme.example", history(portal, "sam@acme.example"), true));
            runProposed("seeded-existing-user", agreement, globexToSam, accounts, 4);

            // A true-up fix: the license steps leave customers and contacts alone.
            BackendState facts = facts(agreement, accounts);
            Snapshot.AccountContacts acmeNow = Snapshot.of(facts).account(acme);
            Plan trueUp = new Plan(7, "duplicate a license with the true-up corrected", EVIDENCE, facts, List.of(
                    new PortalChange.DuplicateLicense(1101, 5), new PortalChange.ResendLicense(1101, "pat@acme.example")),
                    new Goal(acme, acmeNow.soldTo(), acmeNow.billTo(), Snapshot.of(facts).membersOf(acme)));
            assertThat(PlanCheck.problems(trueUp, trueUp.preview())).isEmpty();
            agreement.run("seeded-true-up", facts, trueUp.changes(), accounts);

            Snapshot end = Snapshot.of(facts(agreement, accounts));
            assertThat(end.membersOf(acme)).containsExactly("gavin@hooli.example", "pat@acme.example");
            assertThat(end.membersOf(hooli)).isEmpty();
            assertThat(end.membersOf(globex)).containsExactly("sam@acme.example");
            assertThat(end.account(globex).soldTo().email()).isEqualTo("sam@acme.example");
            assertThat(end.account(globex).billTo().email()).isEqualTo("rita@globex.example");
            assertThat(end.account(initech).soldTo().fullName()).isEqualTo("Nia Newman");
            assertThat(end.account(umbrella).soldTo().email()).isEqualTo("alice@umbrella.example");
            assertThat(end.account(acme).soldTo().email()).isEqualTo("pat@acme.example");
            assertThat(agreement.checkedSteps()).isEqualTo(1 + 3 + 2 + 2 + 4 + 2);
            // With the generated variations (which add SetLoginActivated), every kind of change runs through the handler.
            assertThat(agreement.executedKinds()).as("the kinds of change run through the plan step handler")
                    .containsExactlyInAnyOrder(PortalChange.CreateMembership.class, PortalChange.DeleteMembership.class,
                            PortalChange.UpdateCustomer.class, PortalChange.UpdateBillingContact.class,
                            PortalChange.UnlinkGitLabAccount.class, PortalChange.SendSignInLink.class,
                            PortalChange.ResendActivationCode.class, PortalChange.DuplicateLicense.class,
                            PortalChange.ResendLicense.class);
            // What the model leaves out of its state, the steps still did: mails and the duplicated license.
            assertThat(portal.mailDeliveries("nia@initech.example")).extracting(MailDelivery::subject)
                    .containsExactly("Your one-time sign-in link");
            assertThat(portal.mailDeliveries("alice@umbrella.example")).extracting(MailDelivery::subject)
                    .singleElement().asString().startsWith("Your GitLab activation code");
            assertThat(portal.mailDeliveries("pat@acme.example")).extracting(MailDelivery::subject)
                    .anyMatch(subject -> subject.startsWith("Your GitLab license file"));
            assertThat(portal.searchLicenses(LicenseSearch.byEmail("pat@acme.example"))).extracting(License::trueUpCount)
                    .contains(5);
        }
    }

    @Test
    void generated_variations_change_as_previewed_in_every_order() throws Exception {
        List<Variation> variations = GeneratedCompanies.all();
        Path seed = GeneratedCompanies.seedFile(dir, variations);
        try (SandboxBot sandbox = SandboxBot.start(TestDatabases.freshUrl(),
                Map.of("BOT_PORTAL_SANDBOX_SEED", seed.toString()))) {
            PortalClient portal = sandbox.client;
            PlanAgreement agreement = new PlanAgreement(sandbox.client);
            long proposed = inParallel(variations, v -> run(v, portal, agreement)).stream().filter(p -> p).count();
            assertThat(proposed).as("plans proposed").isEqualTo(variations.stream()
                    .filter(v -> !(v.hasRequester() && v.login() == Login.OFF_ON_PURPOSE)).count());
            assertThat(agreement.refusedSteps()).as("careless orders the back end refuses").isPositive();
            assertThat(agreement.checkedSteps()).as("steps compared").isGreaterThan(3 * variations.size() / 2);
            assertThat(agreement.executedKinds()).as("the kinds of change run through the plan step handler")
                    .containsExactlyInAnyOrder(PortalChange.CreateMembership.class, PortalChange.DeleteMembership.class,
                            PortalChange.UpdateCustomer.class, PortalChange.SetLoginActivated.class,
                            PortalChange.UpdateBillingContact.class, PortalChange.UnlinkGitLabAccount.class,
                            PortalChange.SendSignInLink.class, PortalChange.ResendActivationCode.class);
        }
    }

    /**
     * Runs the variations two at a time: each has accounts and people of its own, and one stream of requests leaves the
     * cores idle while it waits on the next hop (client, server, PostgreSQL). The first failure is rethrown as it is.
     */
    private static <T> List<T> inParallel(List<Variation> variations, Function<Variation, T> each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_VARIATIONS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Variation v : variations) futures.add(pool.submit(() -> each.apply(v)));
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) throw error;
                    throw (Exception) e.getCause();
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Plans variation {@code v}, runs it in its order, and returns whether the planner proposed a plan. */
    private static boolean run(Variation v, PortalClient portal, PlanAgreement agreement) {
        BackendState facts = agreement.facts(v.accounts(), v.emails());
        Planning planning = plan(v, portal, facts);
        if (v.hasRequester() && v.login() == Login.OFF_ON_PURPOSE) {
            assertThat(planning).as(v.toString()).isInstanceOfSatisfying(Planning.NotPlanned.class,
                    n -> assertThat(n.why()).isEqualTo(Planning.Why.NEEDS_HUMAN));
        } else {
            assertThat(planning).as(v + ": " + planning).isInstanceOf(Planning.Proposed.class);
        }
        List<PortalChange> planned = planning instanceof Planning.Proposed p ? p.plan().changes() : List.of();
        List<PortalChange> changes = switch (v.order()) {
            case PLANNED -> planned;
            case CARELESS -> careless(v, facts);
            case SHUFFLED -> shuffled(planned.isEmpty() ? careless(v, facts) : planned, new Random(v.index()));
        };
        agreement.run(v.toString(), facts, changes, v.accounts());
        if (v.order() == Order.PLANNED && planning instanceof Planning.Proposed p) {
            Goal goal = p.plan().goal();
            Snapshot end = Snapshot.of(agreement.facts(v.accounts(), v.emails()));
            assertThat(end.account(v.accountId()).soldTo()).as(v + ": Sold To").isEqualTo(goal.soldTo());
            assertThat(end.account(v.accountId()).billTo()).as(v + ": Bill To").isEqualTo(goal.billTo());
            assertThat(end.membersOf(v.accountId())).as(v + ": members").isEqualTo(goal.memberEmails());
        }
        return planning instanceof Planning.Proposed;
    }

    private static Planning plan(Variation v, PortalClient portal, BackendState facts) {
        return switch (v.flow()) {
            case ADD_CONTACT -> AddContactPlanner.plan(new AddContactPlanner.Request(v.index(), EVIDENCE, facts,
                    v.accountId(), v.requesterEmail(), history(portal, v.requesterEmail()), true));
            case CHANGE_EXISTING_USER -> ChangeContactPlanner.existingUser(new ChangeContactPlanner.ExistingUser(v.index(),
                    EVIDENCE, facts, v.accountId(), v.requesterEmail(), history(portal, v.requesterEmail()), true));
            case CHANGE_NEW_USER -> ChangeContactPlanner.newUser(new ChangeContactPlanner.NewUser(v.index(), EVIDENCE, facts,
                    v.accountId(), "Nia", "New", v.newContactEmail()));
            case TYPO -> TypoFixPlanner.plan(new TypoFixPlanner.Request(v.index(), EVIDENCE, facts, v.accountId(),
                    v.correctedEmail(), TypoFixPlanner.Resend.activationCode(v.subscription())));
        };
    }

    /** The order a hurried person would take: the contact set first, no membership removed, nobody saved last. */
    private static List<PortalChange> careless(Variation v, BackendState facts) {
        Customer owner = facts.customerByEmail(v.ownerEmail()).orElseThrow();
        long account = v.accountId();
        List<PortalChange> changes = new ArrayList<>();
        switch (v.flow()) {
            case ADD_CONTACT -> {
                Customer requester = facts.customerByEmail(v.requesterEmail()).orElseThrow();
                changes.add(new PortalChange.CreateMembership(requester.id(), account));
                if (!requester.loginActivated()) changes.add(new PortalChange.SetLoginActivated(requester.id(), true));
            }
            case CHANGE_EXISTING_USER -> {
                Customer requester = facts.customerByEmail(v.requesterEmail()).orElseThrow();
                changes.add(new PortalChange.UpdateBillingContact(account, ContactRole.SOLD_TO,
                        new Contact("Rae", "Requester", v.requesterEmail(), v.address())));
                changes.add(new PortalChange.CreateMembership(requester.id(), account));
                for (Membership m : facts.membershipsOfCustomer(owner.id())) {
                    changes.add(new PortalChange.DeleteMembership(m.id(), owner.id(), account));
                }
            }
            case CHANGE_NEW_USER -> {
                changes.add(new PortalChange.UpdateBillingContact(account, ContactRole.SOLD_TO,
                        new Contact("Nia", "New", v.newContactEmail(), v.address())));
                changes.add(new PortalChange.UpdateCustomer(owner.id(), "Nia", "New", v.newContactEmail(), true));
                changes.add(new PortalChange.SendSignInLink(owner.id()));
            }
            case TYPO -> {
                changes.add(new PortalChange.UpdateBillingContact(account, ContactRole.SOLD_TO,
                        new Contact("Olive", "Owner", v.correctedEmail(), v.address())));
                changes.add(new PortalChange.UpdateCustomer(owner.id(), null, null, v.correctedEmail(), true));
                changes.add(new PortalChange.ResendActivationCode(v.subscription(), v.correctedEmail()));
            }
        }
        return changes;
    }

    private static List<PortalChange> shuffled(List<PortalChange> changes, Random random) {
        List<PortalChange> copy = new ArrayList<>(changes);
        Collections.shuffle(copy, random);
        return copy;
    }

    private static void runProposed(String name, PlanAgreement agreement, Planning planning, List<Long> accounts, int steps) {
        assertThat(planning).as(name + ": " + planning).isInstanceOf(Planning.Proposed.class);
        Plan plan = ((Planning.Proposed) planning).plan();
        assertThat(plan.changes()).as(name).hasSize(steps);
        agreement.run(name, plan.facts(), plan.changes(), accounts);
    }

    private static BackendState facts(PlanAgreement agreement, List<Long> accounts) {
        return agreement.facts(accounts, SEEDED_EMAILS);
    }

    private static List<HistoryEntry> history(PortalClient portal, String email) {
        return portal.findCustomerByEmail(email).map(c -> portal.customerHistory(c.id())).orElse(List.of());
    }
}
