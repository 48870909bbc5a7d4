package dev.supportbot.workflows.approved;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Emails;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.WorkflowSetting;
import dev.supportbot.workflows.plan.Evidence;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The confirmation after the last step of a plan (docs/handbook.md, The portal back end): the billing accounts the
 * plan touched are read again and their Sold To and Bill To compared with what the preview predicted. Whatever differs
 * is for the Billing team, not a success to tell the customer.
 */
public final class BillingCheck {
    public static final WorkflowSetting<String> TEAM = WorkflowSetting.text("billing.team", "BOT_BILLING_TEAM", "Billing",
            "the team a plan is handed to when its billing account does not show what the plan predicted");
    public static final WorkflowSetting<String> TAG = WorkflowSetting.text("billing.handoff_tag", "BOT_BILLING_HANDOFF_TAG",
            "billing_handoff", "the ticket tag that hands a ticket to that team");

    private BillingCheck() {}

    /** Whether the Billing team gets the ticket even when the plan is confirmed. */
    public static boolean forBillingAfterwards(Plan plan) {
        return plan.evidence().stream().anyMatch(e -> Evidence.SHARED_BILL_TO.equals(e.kind()));
    }

    /** The reads of the confirmation: each billing account the plan was made from. */
    public static List<FactRequest<?>> reads(Plan plan) {
        return plan.facts().accounts().stream().<FactRequest<?>>map(a -> new FactRequest.BillingAccountById(a.id())).toList();
    }

    /** What the billing accounts show that the preview did not predict, one sentence each; empty when they agree. */
    public static List<String> differences(Plan plan, Facts facts) {
        Snapshot predicted = plan.preview().end();
        List<String> differences = new ArrayList<>();
        for (BillingAccount planned : plan.facts().accounts()) {
            Snapshot.AccountContacts expected = predicted.account(planned.id());
            Optional<BillingAccount> found = facts.find(new FactRequest.BillingAccountById(planned.id()));
            String account = name(planned);
            if (found.isEmpty()) {
                differences.add("billing account " + account + " could not be read again");
                continue;
            }
            compare(differences, "Sold To", account, expected.soldTo(), found.get().soldTo());
            compare(differences, "Bill To", account, expected.billTo(), found.get().billTo());
        }
        return differences;
    }

    private static void compare(List<String> differences, String role, String account, Contact expected, Contact found) {
        if (same(expected, found)) return;
        differences.add("the " + role + " of " + account + " is " + person(found) + ", the plan expected " + person(expected));
    }

    private static boolean same(Contact a, Contact b) {
        if (a == null || b == null) return a == b;
        return Emails.sameAddress(a.email(), b.email()) && Objects.equals(a.fullName(), b.fullName());
    }

    private static String person(Contact c) {
        if (c == null) return "nobody";
        return c.fullName().isBlank() ? c.email() : c.fullName() + " (" + c.email() + ")";
    }

    private static String name(BillingAccount a) {
        return a.company() == null || a.company().isBlank() ? a.zuoraAccountId() : a.company() + " (" + a.zuoraAccountId() + ")";
    }
}
