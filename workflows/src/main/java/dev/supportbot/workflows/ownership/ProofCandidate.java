package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.domain.NamespaceSubscription;

/** Something in a comment that is, or tries to be, a proof. Holds no comment text and no secret. */
sealed interface ProofCandidate {
    record InvoiceNumber(String number) implements ProofCandidate {}

    /** The comment contains license text; the text itself stays in the comment. */
    record LicenseText(long commentId) implements ProofCandidate {}

    record NamespaceJson(NamespaceSubscription pasted) implements ProofCandidate {}

    record UnreadableNamespaceJson() implements ProofCandidate {}

    /** An activation code without license text: an activation-code email, which is not proof. */
    record ActivationCodeOnly() implements ProofCandidate {}

    record Screenshot() implements ProofCandidate {}

    /** A picture of an invoice: the invoice number, typed, is what is checked. */
    record ScreenshotOfInvoice() implements ProofCandidate {}

    /** An invoice attached as a document, with no invoice number in the comment. */
    record InvoiceDocument() implements ProofCandidate {}

    /** A license attached as a .gitlab-license file: its text, pasted, is what is checked. */
    record LicenseFile() implements ProofCandidate {}

    /** Words of approval ("I approve"). Whether they count depends on who wrote them. */
    record Approval() implements ProofCandidate {}

    /** The author says the purchase was made through a reseller. */
    record ResellerMention() implements ProofCandidate {}
}
