package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Invoice;
import dev.supportbot.workflows.domain.LicenseValidation;
import dev.supportbot.workflows.domain.NamespaceSubscription;
import dev.supportbot.workflows.domain.Subscription;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.Person;
import dev.supportbot.workflows.ownership.Verdict.Accepted;
import dev.supportbot.workflows.ownership.Verdict.Refused;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The handbook's rules for each proof, as pure checks of one comment against the portal's facts.
 * A comment can yield several verdicts; one {@link Accepted} is enough to verify.
 */
final class ProofRules {

    private ProofRules() {}

    /**
     * The portal reads needed to check {@code candidate}; the state names the namespace and the invoice owner when
     * known. A check whose facts were not fetched gives no verdict (see {@link #check}).
     */
    static List<FactRequest<?>> factsFor(ProofCandidate candidate, String namespace, String invoiceOwnerZuoraId) {
        if (candidate instanceof ProofCandidate.InvoiceNumber invoice) {
            List<FactRequest<?>> needed = new ArrayList<>();
            needed.add(new FactRequest.InvoiceByNumber(invoice.number()));
            if (invoiceOwnerZuoraId != null) needed.add(new FactRequest.BillingAccountByZuoraId(invoiceOwnerZuoraId));
            return needed;
        }
        if (candidate instanceof ProofCandidate.LicenseText license) {
            return List.of(new FactRequest.LicenseValidationOfComment(license.commentId()));
        }
        if (candidate instanceof ProofCandidate.NamespaceJson json) {
            String ns = namespace != null ? namespace : json.pasted().namespace();
            return ns == null ? List.of() : List.of(new FactRequest.NamespaceAdminView(ns));
        }
        return List.of();
    }

    /**
     * Every verdict for one comment on the requester's ticket. A candidate whose facts were not fetched (e.g.
     * before the subscription was known) gives no verdict rather than a wrong refusal. {@code requester}: the
     * ticket's requester (name and email as the ticket knows them), whom a reseller's vouch has to be about.
     */
    static List<Verdict> check(Comment comment, VerificationCase c, Person requester, Facts facts, Context ctx) {
        String author = comment.author() == null ? null : comment.author().email();
        boolean staff = ctx.policy().isStaff(author);
        List<ProofCandidate> candidates = CommentClassifier.classify(comment);
        List<Verdict> verdicts = new ArrayList<>();

        // Taking part in the ticket is not a vouch: only the reseller's explicit confirmation, in its own words, that
        // the requester may manage the subscription is.
        if (!staff && c.fromReseller(author) && ResellerReplies.read(comment.body(), requester) == ResellerReplies.Reading.VOUCH) {
            verdicts.add(resellerVouch(c, author, comment.inWords()));
        }
        for (ProofCandidate candidate : candidates) {
            Verdict v = staff ? refuseFromStaff(candidate) : check(candidate, author, comment, c, facts, ctx);
            if (v != null) verdicts.add(v);
        }
        return verdicts;
    }

    /**
     * Rule 6: reseller purchase, license not yet activated, author's domain = invoice owner's Sold To domain. Only a
     * cloud activation shows whether a license was activated; for any other license the bot cannot know, and says so.
     */
    static Verdict resellerVouch(VerificationCase c, String author, String where) {
        if (!c.resellerPurchase()) return new Refused(ProofKind.RESELLER_VOUCH, Refusal.VOUCH_NOT_RESELLER_PURCHASE);
        if (c.activation() == null) return new Refused(ProofKind.RESELLER_VOUCH, Refusal.VOUCH_ACTIVATION_UNKNOWN);
        if (!c.unactivatedResellerPurchase()) return new Refused(ProofKind.RESELLER_VOUCH, Refusal.VOUCH_LICENSE_ACTIVATED);
        if (!c.fromReseller(author)) return new Refused(ProofKind.RESELLER_VOUCH, Refusal.VOUCH_DOMAIN_MISMATCH);
        return new Accepted(ProofKind.RESELLER_VOUCH, "reseller vouch (" + where + ") from the invoice owner's domain "
                + c.resellerDomain() + "; reseller purchase, license not activated");
    }

    private static Verdict refuseFromStaff(ProofCandidate candidate) {
        ProofKind kind = kindOf(candidate);
        return kind == null ? null : new Refused(kind, Refusal.FROM_STAFF);
    }

    private static Verdict check(ProofCandidate candidate, String author, Comment comment, VerificationCase c,
                                 Facts facts, Context ctx) {
        if (candidate instanceof ProofCandidate.InvoiceNumber invoice) return invoice(invoice.number(), author, c, facts, ctx);
        if (candidate instanceof ProofCandidate.LicenseText) return license(comment, c.subscription(), facts);
        if (candidate instanceof ProofCandidate.NamespaceJson json) return namespaceJson(json.pasted(), comment, c.subscription(), facts);
        if (candidate instanceof ProofCandidate.UnreadableNamespaceJson) {
            return new Refused(ProofKind.NAMESPACE_JSON, c.subscription().isSaas()
                    ? Refusal.NAMESPACE_JSON_UNREADABLE : Refusal.NAMESPACE_JSON_SELF_MANAGED);
        }
        if (candidate instanceof ProofCandidate.ActivationCodeOnly) return new Refused(ProofKind.LICENSE_TEXT, Refusal.ACTIVATION_CODE);
        if (candidate instanceof ProofCandidate.Screenshot) return new Refused(ProofKind.LICENSE_TEXT, Refusal.SCREENSHOT);
        if (candidate instanceof ProofCandidate.ScreenshotOfInvoice) return invoiceOffered(Refusal.SCREENSHOT_OF_INVOICE, author, c);
        if (candidate instanceof ProofCandidate.InvoiceDocument) return invoiceOffered(Refusal.INVOICE_DOCUMENT, author, c);
        if (candidate instanceof ProofCandidate.LicenseFile) {
            return new Refused(ProofKind.LICENSE_TEXT, c.subscription().isSaas() ? Refusal.LICENSE_SAAS_SUBSCRIPTION : Refusal.LICENSE_FILE);
        }
        if (candidate instanceof ProofCandidate.Approval) return approvalOnOwnTicket(author, comment, c);
        if (candidate instanceof ProofCandidate.ResellerMention) {
            // the reseller's own words were read above; a customer naming their reseller is told how a vouch works
            return c.fromReseller(author) ? null : resellerVouch(c, author, comment.inWords());
        }
        throw new IllegalStateException("unhandled candidate " + candidate);
    }

    /** Rule 3 (and the handbook's reseller variant): a recent invoice of the right account. */
    static Verdict invoice(String number, String author, VerificationCase c, Facts facts, Context ctx) {
        FactRequest.InvoiceByNumber request = new FactRequest.InvoiceByNumber(number);
        if (!facts.answers(request)) return null;
        Invoice invoice = facts.find(request).orElse(null);
        ProofKind kind = c.resellerPurchase() ? ProofKind.RESELLER_INVOICE : ProofKind.INVOICE;
        if (c.resellerPurchase() && !c.fromReseller(author)) return new Refused(kind, Refusal.INVOICE_RESELLER_PURCHASE);
        if (invoice == null) return new Refused(kind, Refusal.INVOICE_NOT_FOUND);
        long expectedAccount;
        if (c.resellerPurchase()) {
            BillingAccount owner = c.invoiceOwner();
            if (owner == null) return new Refused(kind, Refusal.INVOICE_OTHER_ACCOUNT);
            expectedAccount = owner.id();
        } else {
            expectedAccount = c.subscription().billingAccountId();
        }
        if (invoice.billingAccountId() != expectedAccount) return new Refused(kind, Refusal.INVOICE_OTHER_ACCOUNT);
        LocalDate oldest = ctx.today().minus(ctx.policy().invoiceMaxAge());
        if (invoice.date() == null || invoice.date().isBefore(oldest)) return new Refused(kind, Refusal.INVOICE_TOO_OLD);
        return new Accepted(kind, "invoice " + invoice.number() + " dated " + invoice.date()
                + " on billing account " + expectedAccount);
    }

    /** An invoice offered in a form the bot cannot check; on a reseller purchase only the reseller's invoice counts. */
    private static Verdict invoiceOffered(Refusal form, String author, VerificationCase c) {
        if (c.resellerPurchase() && !c.fromReseller(author)) return new Refused(ProofKind.RESELLER_INVOICE, Refusal.INVOICE_RESELLER_PURCHASE);
        return new Refused(c.resellerPurchase() ? ProofKind.RESELLER_INVOICE : ProofKind.INVOICE, form);
    }

    /** Rule 4: the license text, decoded by validate-license, is valid and names this subscription. */
    static Verdict license(Comment comment, Subscription subscription, Facts facts) {
        long commentId = comment.id();
        if (subscription.isSaas()) return new Refused(ProofKind.LICENSE_TEXT, Refusal.LICENSE_SAAS_SUBSCRIPTION);
        FactRequest.LicenseValidationOfComment request = new FactRequest.LicenseValidationOfComment(commentId);
        if (!facts.answers(request)) return null;
        LicenseValidation validation = facts.find(request).orElse(null);
        if (validation == null || !validation.valid()) return new Refused(ProofKind.LICENSE_TEXT, Refusal.LICENSE_INVALID);
        if (!subscription.name().equalsIgnoreCase(Objects.toString(validation.subscriptionName(), ""))) {
            return new Refused(ProofKind.LICENSE_TEXT, Refusal.LICENSE_OTHER_SUBSCRIPTION);
        }
        return new Accepted(ProofKind.LICENSE_TEXT, "license text in " + comment.inWords()
                + ", validated by the portal for " + subscription.name());
    }

    /** Rule 5: the pasted gitlab_subscription agrees with the admin view of the subscription's namespace. */
    static Verdict namespaceJson(NamespaceSubscription pasted, Comment comment, Subscription subscription, Facts facts) {
        if (!subscription.isSaas() || subscription.namespace() == null) {
            return new Refused(ProofKind.NAMESPACE_JSON, Refusal.NAMESPACE_JSON_SELF_MANAGED);
        }
        FactRequest.NamespaceAdminView request = new FactRequest.NamespaceAdminView(subscription.namespace());
        if (!facts.answers(request)) return null;
        NamespaceSubscription admin = facts.find(request).orElse(null);
        boolean namespaceOk = pasted.namespace() == null || pasted.namespace().equalsIgnoreCase(subscription.namespace());
        boolean matches = admin != null && namespaceOk
                && (admin.namespace() == null || admin.namespace().equalsIgnoreCase(subscription.namespace()))
                && admin.planCode() != null && admin.planCode().equalsIgnoreCase(pasted.planCode())
                && admin.seats() != null && admin.seats().equals(pasted.seats())
                && admin.startDate() != null && admin.startDate().equals(pasted.startDate())
                && admin.endDate() != null && admin.endDate().equals(pasted.endDate());
        if (!matches) return new Refused(ProofKind.NAMESPACE_JSON, Refusal.NAMESPACE_JSON_MISMATCH);
        return new Accepted(ProofKind.NAMESPACE_JSON, "gitlab_subscription JSON in " + comment.inWords()
                + ", matches the admin view of namespace " + subscription.namespace());
    }

    /**
     * Approval words on the requester's own ticket count only when the requester is the Sold To contact: the
     * request and the reply then come from the Sold To's own mailbox, as a reply to a separate ticket would.
     */
    static Verdict approvalOnOwnTicket(String author, Comment comment, VerificationCase c) {
        if (c.isSoldTo(author)) {
            return new Accepted(ProofKind.SOLD_TO_APPROVAL, "approval by the Sold To contact (the requester) in " + comment.inWords());
        }
        if (c.isSeparateBillTo(author)) return new Refused(ProofKind.SOLD_TO_APPROVAL, Refusal.APPROVAL_FROM_BILL_TO);
        return new Refused(ProofKind.SOLD_TO_APPROVAL, Refusal.APPROVAL_NOT_FROM_SOLD_TO);
    }

    /** Rule 1 on the separate ticket: what a reply from {@code author} there means. */
    static SoldToReply soldToReply(Comment reply, VerificationCase c, Context ctx) {
        String author = reply.author() == null ? null : reply.author().email();
        if (!c.isSoldTo(author)) {
            return c.isSeparateBillTo(author) && !ctx.policy().isStaff(author) ? SoldToReply.FROM_BILL_TO : SoldToReply.NOT_FROM_SOLD_TO;
        }
        if (ctx.policy().isStaff(author)) return SoldToReply.FROM_STAFF;
        return switch (ApprovalReplies.read(reply.body())) {
            case APPROVE -> SoldToReply.APPROVED;
            case DENY -> SoldToReply.DENIED;
            case UNCLEAR -> SoldToReply.UNCLEAR;
        };
    }

    enum SoldToReply { APPROVED, DENIED, UNCLEAR, FROM_BILL_TO, FROM_STAFF, NOT_FROM_SOLD_TO }

    private static ProofKind kindOf(ProofCandidate candidate) {
        if (candidate instanceof ProofCandidate.InvoiceNumber) return ProofKind.INVOICE;
        if (candidate instanceof ProofCandidate.LicenseText || candidate instanceof ProofCandidate.ActivationCodeOnly
                || candidate instanceof ProofCandidate.Screenshot || candidate instanceof ProofCandidate.LicenseFile) {
            return ProofKind.LICENSE_TEXT;
        }
        if (candidate instanceof ProofCandidate.ScreenshotOfInvoice || candidate instanceof ProofCandidate.InvoiceDocument) {
            return ProofKind.INVOICE;
        }
        if (candidate instanceof ProofCandidate.NamespaceJson || candidate instanceof ProofCandidate.UnreadableNamespaceJson) {
            return ProofKind.NAMESPACE_JSON;
        }
        if (candidate instanceof ProofCandidate.Approval) return ProofKind.SOLD_TO_APPROVAL;
        if (candidate instanceof ProofCandidate.ResellerMention) return ProofKind.RESELLER_VOUCH;
        return null;
    }
}
