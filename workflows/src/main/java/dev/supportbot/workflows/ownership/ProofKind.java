package dev.supportbot.workflows.ownership;

/** The kinds of proof of a requester's association with a subscription (handbook: Ownership verification). */
public enum ProofKind {
    /** The existing Sold To contact approves (never Bill To alone). */
    SOLD_TO_APPROVAL,
    /** A prior subscription contract, confirmed by an agent. */
    PRIOR_CONTRACT,
    /** A GitLab invoice of the subscription's billing account from the last 12 months (direct purchases). */
    INVOICE,
    /** For an activated reseller purchase: the reseller provides the invoice of its invoice-owner account. */
    RESELLER_INVOICE,
    /** The last loaded license as text (self-managed only). */
    LICENSE_TEXT,
    /** The pasted gitlab_subscription JSON of the namespace (SaaS only). */
    NAMESPACE_JSON,
    /** The reseller vouches (reseller purchase, license not activated, reseller's own email domain). */
    RESELLER_VOUCH
}
