package dev.supportbot.bot.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.portal.PlanWorld;
import dev.supportbot.bot.sandbox.SandboxBot;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.HistoryEntry;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.PlanFacts;
import dev.supportbot.workflows.plan.AddContactPlanner;
import dev.supportbot.workflows.plan.BackendState;
import dev.supportbot.workflows.plan.Evidence;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.PlanScope;
import dev.supportbot.workflows.plan.Planning;
import dev.supportbot.workflows.plan.Snapshot;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The facts a plan starts from, read from the sandbox portal over HTTP. */
class PlanFactsSourceTest {

    @Test
    void the_facts_hold_the_account_its_people_and_the_accounts_the_asked_customers_manage() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            long acme = sandbox.client.findBillingAccountByZuoraId("A00001001").orElseThrow().id();
            long hooli = sandbox.client.findBillingAccountByZuoraId("A00005001").orElseThrow().id();

            PlanFacts facts = answer(sandbox, "A-S00001001", List.of("Gavin@Hooli.example", "nobody@nowhere.example", " "));

            assertThat(facts.billingAccountId()).isEqualTo(acme);
            assertThat(facts.state().accounts()).extracting(BillingAccount::id).containsExactlyInAnyOrder(acme, hooli);
            assertThat(facts.state().customers()).extracting(Customer::email)
                    .containsExactlyInAnyOrder("pat@acme.example", "gavin@hooli.example");
            assertThat(Snapshot.of(facts.state()).membersOf(acme)).containsExactly("pat@acme.example");
            assertThat(Snapshot.of(facts.state()).membersOf(hooli)).containsExactly("gavin@hooli.example");
            assertThat(facts.histories()).containsOnlyKeys("gavin@hooli.example");
            List<HistoryEntry> gavin = facts.historyOf("gavin@hooli.example");
            assertThat(gavin).isNotEmpty().isSortedAccordingTo(Comparator.comparing(HistoryEntry::at));
            assertThat(gavin).isEqualTo(sandbox.client.customerHistory(
                    sandbox.client.findCustomerByEmail("gavin@hooli.example").orElseThrow().id()));
        }
    }

    @Test
    void reading_the_scope_of_a_plan_made_from_the_facts_finds_the_facts_again() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            PlanFacts facts = answer(sandbox, "A-S00001001", List.of("gavin@hooli.example"));
            Planning planning = AddContactPlanner.plan(new AddContactPlanner.Request(3,
                    List.of(new Evidence("ownership", "verified")), facts.state(), facts.billingAccountId(),
                    "gavin@hooli.example", facts.historyOf("gavin@hooli.example"), true));
            assertThat(planning).isInstanceOf(Planning.Proposed.class);
            Plan plan = ((Planning.Proposed) planning).plan();

            // What the check before step 1 reads is what the plan was previewed from: an untouched back end passes it.
            PlanScope scope = PlanScope.of(plan, plan.preview());
            assertThat(Snapshot.of(new PlanWorld(sandbox.client).read(scope))).isEqualTo(plan.preview().before());
        }
    }

    @Test
    void an_unknown_subscription_has_no_facts() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            assertThat(PlanExecution.factSource(sandbox.client)
                    .answer(new FactRequest.PlanFactsOf("A-S99999999", List.of("pat@acme.example")), Map.of())).isNull();
        }
    }

    @Test
    void a_portal_account_comes_with_the_billing_account_it_manages_and_an_unknown_address_has_none() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            long hooli = sandbox.client.findBillingAccountByZuoraId("A00005001").orElseThrow().id();
            var source = PlanExecution.accountSource(sandbox.client);

            BackendState gavin = (BackendState) source.answer(new FactRequest.PortalAccountOf("Gavin@Hooli.example"), Map.of());
            BackendState sam = (BackendState) source.answer(new FactRequest.PortalAccountOf("sam@acme.example"), Map.of());

            assertThat(gavin.accounts()).extracting(BillingAccount::id).containsExactly(hooli);
            assertThat(gavin.customers()).extracting(Customer::email).containsExactly("gavin@hooli.example");
            assertThat(sam.accounts()).as("Sam manages no billing account").isEmpty();
            assertThat(sam.customers()).extracting(Customer::email).containsExactly("sam@acme.example");
            assertThat(source.answer(new FactRequest.PortalAccountOf("nobody@nowhere.example"), Map.of())).isNull();
        }
    }

    private static PlanFacts answer(SandboxBot sandbox, String subscription, List<String> emails) {
        return (PlanFacts) PlanExecution.factSource(sandbox.client)
                .answer(new FactRequest.PlanFactsOf(subscription, emails), Map.of());
    }
}
