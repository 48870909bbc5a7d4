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
    RESELLER_VOUCH;

    /** The proof as agents read it, e.g. "an invoice" ("verified with an invoice"). */
    public String words() {
        return switch (this) {
            case SOLD_TO_APPROVAL -> "approval from the Sold To contact";
            case PRIOR_CONTRACT -> "a prior contract";
            case INVOICE -> "an invoice";
            case RESELLER_INVOICE -> "the reseller's invoice";
            case LICENSE_TEXT -> "the license text";
            case NAMESPACE_JSON -> "the gitlab_subscription JSON of the group";
            case RESELLER_VOUCH -> "the reseller's confirmation";
        };
    }

    /**
     * {@link #words()} of a kind given by its name, as {@link dev.supportbot.workflows.engine.Outcome} holds it
     * ({@code SOLD_TO_APPROVAL}) or written in lower case with spaces ({@code sold to approval}); other text as it is.
     */
    public static String words(String name) {
        if (name == null) return "an unnamed proof";
        for (ProofKind kind : values()) if (kind.name().equalsIgnoreCase(name.trim().replace(' ', '_'))) return kind.words();
        return name;
    }
}
