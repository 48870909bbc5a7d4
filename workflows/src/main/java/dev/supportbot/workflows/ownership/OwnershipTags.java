package dev.supportbot.workflows.ownership;

import java.util.Set;

/** The Zendesk tags of ownership verification (names fixed by the macros and views that use them). */
public final class OwnershipTags {
    public static final String START = "supportbot_start_ownership_verification";
    public static final String AWAITING_SUBSCRIPTION = "supportbot_ov_awaiting_subscription";
    public static final String AWAITING_PROOF = "supportbot_ov_awaiting_proof";
    public static final String VERIFIED = "supportbot_ov_verified";
    public static final String REJECTED = "supportbot_ov_rejected";
    public static final String ESCALATED = "supportbot_ov_escalated";
    public static final String EXPIRED = "supportbot_ov_expired";
    public static final String CANCELLED = "supportbot_ov_cancelled";
    /** Macro tags the bot maps to agent commands. */
    public static final String CONTRACT_CONFIRMED = "supportbot_ov_contract_confirmed";
    public static final String ESCALATE = "supportbot_ov_escalate";

    /** The tags that mean "waiting for the requester"; removed when the wait ends. */
    static final Set<String> WAITING = Set.of(AWAITING_SUBSCRIPTION, AWAITING_PROOF);

    private OwnershipTags() {}
}
