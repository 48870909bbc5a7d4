package dev.supportbot.workflows.plan;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.plan.Planning.Why;
import dev.supportbot.workflows.plan.TypoFixPlanner.Resend;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Send a license or activation code to an address other than the Sold To (docs/handbook.md, "Resend a license to
 * another address"): once ownership is verified, the subscription's newest license (a cloud license's activation code)
 * goes to the verified requester's own address, and to no other. Nothing else in the portal changes, and the Sold To
 * is not told. A requester from the reseller's domain gets no plan.
 */
public final class ResendPlanner {
    private ResendPlanner() {}

    /**
     * @param requesterEmail the address of the requester whose ownership was verified: the only address a plan sends to
     * @param licenses       the subscription's licenses
     */
    public record Request(long ticketId, List<Evidence> evidence, BackendState facts, long billingAccountId,
            String requesterEmail, List<License> licenses) {
        public Request {
            licenses = List.copyOf(licenses);
        }
    }

    public static Planning plan(Request r) {
        PlannedAccount planned = PlannedAccount.of(r.facts(), r.billingAccountId(), r.requesterEmail());
        if (planned.refusal() != null) return planned.refusal();
        BillingAccount account = planned.account();
        Optional<License> newest = newest(r.licenses());
        if (newest.isEmpty()) return Planning.notPlanned(Why.NEEDS_HUMAN, "the subscription has no license to resend");
        Resend resend = Resend.of(newest.get());
        Goal unchanged = Goal.unchanged(r.facts(), account);
        String purpose = (resend.activationCode() ? "resend the activation code" : "resend the license")
                + " to the verified requester";
        return Planning.firstSafe(List.of(new Plan(r.ticketId(), purpose, r.evidence(), r.facts(),
                List.of(resend.to(r.requesterEmail())), unchanged)));
    }

    /** The newest license that is not a trial: the one the customer runs or is about to. */
    static Optional<License> newest(List<License> licenses) {
        return licenses.stream().filter(l -> !l.trial())
                .max(Comparator.comparing(License::issuedAt).thenComparingLong(License::id));
    }
}
