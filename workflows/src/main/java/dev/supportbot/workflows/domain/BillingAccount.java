package dev.supportbot.workflows.domain;

/**
 * A billing account, mirroring a Zuora account. For reseller purchases {@code reseller} names the reseller and
 * {@code invoiceOwner} the reseller's own account, whose Sold To email domain is what a reseller vouch is matched on.
 */
public record BillingAccount(
        long id,
        String zuoraAccountId,
        String company,
        Contact soldTo,
        Contact billTo,
        Reseller reseller) {

    public boolean boughtThroughReseller() {
        return reseller != null;
    }

    /** Sold To and Bill To are different people: only Sold To's approval counts then. */
    public boolean soldToDiffersFromBillTo() {
        return billTo != null && !Emails.sameAddress(soldTo.email(), billTo.email());
    }

    public record Reseller(String name, String invoiceOwnerAccountId, String invoiceOwnerSoldToEmail) {}
}
