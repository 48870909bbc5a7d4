package dev.supportbot.workflows.ownership;

/** Why a proof candidate was not accepted. {@link Messages#refusal} words each for the customer. */
public enum Refusal {
    FROM_STAFF,
    SCREENSHOT,
    SCREENSHOT_OF_INVOICE,
    INVOICE_DOCUMENT,
    LICENSE_FILE,
    ACTIVATION_CODE,
    INVOICE_NOT_FOUND,
    INVOICE_OTHER_ACCOUNT,
    INVOICE_TOO_OLD,
    INVOICE_RESELLER_PURCHASE,
    LICENSE_SAAS_SUBSCRIPTION,
    LICENSE_INVALID,
    LICENSE_OTHER_SUBSCRIPTION,
    NAMESPACE_JSON_SELF_MANAGED,
    NAMESPACE_JSON_UNREADABLE,
    NAMESPACE_JSON_MISMATCH,
    APPROVAL_NOT_FROM_SOLD_TO,
    APPROVAL_FROM_BILL_TO,
    VOUCH_NOT_RESELLER_PURCHASE,
    VOUCH_LICENSE_ACTIVATED,
    /** Legacy, offline and SaaS licenses: the portal cannot tell whether they were activated. */
    VOUCH_ACTIVATION_UNKNOWN,
    VOUCH_DOMAIN_MISMATCH
}
