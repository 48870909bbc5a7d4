package dev.supportbot.workflows.ownership;

import java.util.EnumSet;
import java.util.Set;

/** Which proofs fit a subscription: what the requester is asked for, and reminded of after a refusal. */
final class ProofOptions {
    private ProofOptions() {}

    static Set<ProofKind> fitting(VerificationCase c, boolean soldToCanApprove) {
        Set<ProofKind> kinds = EnumSet.of(ProofKind.PRIOR_CONTRACT);
        if (soldToCanApprove) kinds.add(ProofKind.SOLD_TO_APPROVAL);
        if (!c.resellerPurchase()) kinds.add(ProofKind.INVOICE);
        else if (c.unactivatedResellerPurchase()) kinds.add(ProofKind.RESELLER_VOUCH);
        else kinds.add(ProofKind.RESELLER_INVOICE);
        if (c.subscription().isSaas()) kinds.add(ProofKind.NAMESPACE_JSON);
        else kinds.add(ProofKind.LICENSE_TEXT);
        return kinds;
    }
}
