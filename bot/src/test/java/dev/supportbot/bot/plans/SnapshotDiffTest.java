package dev.supportbot.bot.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.plan.Snapshot;
import dev.supportbot.workflows.plan.Snapshot.AccountContacts;
import dev.supportbot.workflows.plan.Snapshot.CustomerView;
import dev.supportbot.workflows.plan.Snapshot.Member;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotDiffTest {
    private static final Contact PAT = new Contact("Pat", "Lee", "pat@acme.example", "1 Way");
    private static final Contact SAM = new Contact("Sam", "Rivera", "sam@acme.example", "1 Way");
    private static final CustomerView PAT_VIEW = new CustomerView("pat@acme.example", "Pat", "Lee", true, false);
    private static final Snapshot BASE = new Snapshot(List.of(new AccountContacts(5, PAT, PAT)),
            List.of(new Member("pat@acme.example", 5)), List.of(PAT_VIEW));

    @Test
    void equal_snapshots_have_no_difference() {
        assertThat(SnapshotDiff.between(BASE, BASE)).isEmpty();
        assertThat(SnapshotDiff.summary(BASE, BASE)).isEqualTo("no difference");
    }

    @Test
    void contacts_memberships_and_customers_are_named() {
        Snapshot found = new Snapshot(List.of(new AccountContacts(5, SAM, new Contact("Pat", "Lee", "pat@acme.example", "2 Road"))),
                List.of(new Member("sam@acme.example", 5)),
                List.of(new CustomerView("pat@acme.example", "Pat", "Lee", false, true),
                        new CustomerView("sam@acme.example", "Sam", "Rivera", true, false)));

        assertThat(SnapshotDiff.between(BASE, found)).containsExactly(
                "billing account 5: Sold To is Sam Rivera <sam@acme.example> (expected Pat Lee <pat@acme.example>)",
                "billing account 5: Bill To has another postal address",
                "new membership of sam@acme.example in billing account 5",
                "membership of pat@acme.example in billing account 5 is gone",
                "customer pat@acme.example: login not activated, linked to a GitLab.com account",
                "new customer sam@acme.example");
    }

    @Test
    void missing_records_and_a_missing_bill_to_are_named() {
        Snapshot found = new Snapshot(List.of(new AccountContacts(6, PAT, null)), List.of(new Member("pat@acme.example", 5)),
                List.of());

        assertThat(SnapshotDiff.between(BASE, found)).containsExactly(
                "billing account 5 is missing",
                "billing account 6 was not expected",
                "customer pat@acme.example is gone");
    }

    @Test
    void a_long_list_is_cut_with_a_count_of_the_rest() {
        List<CustomerView> many = new ArrayList<>(List.of(PAT_VIEW));
        for (int i = 0; i < 9; i++) many.add(new CustomerView("c" + i + "@x.example", "C", "X", false, false));
        Snapshot found = new Snapshot(BASE.accounts(), BASE.memberships(), many);

        String summary = SnapshotDiff.summary(BASE, found);
        assertThat(summary).startsWith("new customer c0@x.example; new customer c1@x.example;").endsWith("; and 3 more");
        assertThat(summary.split("; ")).hasSize(7);
    }
}
