package dev.supportbot.workflows.approved;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.Snapshot;

/** Test helper: the re-read after a plan's last step, from a back end that did exactly what the preview predicted. */
public final class Confirmations {
    private Confirmations() {}

    /** The answer to {@code read} while {@code state}, an approved plan's state, runs its last step. */
    public static BillingAccount asPredicted(Object state, FactRequest.BillingAccountById read) {
        Plan plan = ((Gated.InGate) state).plan();
        BillingAccount planned = plan.facts().accounts().stream().filter(a -> a.id() == read.id()).findFirst().orElseThrow();
        Snapshot.AccountContacts predicted = plan.preview().end().account(read.id());
        return new BillingAccount(planned.id(), planned.zuoraAccountId(), planned.company(), predicted.soldTo(),
                predicted.billTo(), planned.reseller());
    }
}
