package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.engine.Attachment;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.redaction.SecretKind;
import dev.supportbot.workflows.redaction.SecretScanner;
import dev.supportbot.workflows.redaction.SecretSpan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pure: which proof candidates a comment holds, judged by its text and attachments alone. */
final class CommentClassifier {
    /** Invoice numbers such as {@code INV-1001-A} or {@code INV00012345}. */
    private static final Pattern INVOICE = Pattern.compile(
            "(?<![A-Za-z0-9])INV-?\\d{3,}(?:-[A-Z0-9]{1,4})?(?![A-Za-z0-9])", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCREENSHOT = Pattern.compile("\\bscreen\\s?shots?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern INVOICE_WORD = Pattern.compile("\\binvoices?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern VOUCH = Pattern.compile("\\bvouch(es|ed|ing)?\\b|\\b(i|we)\\s+(can\\s+)?confirm\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RESELLER = Pattern.compile("\\b(reseller|resellers|partner)\\b", Pattern.CASE_INSENSITIVE);

    private CommentClassifier() {}

    static List<ProofCandidate> classify(Comment comment) {
        String body = comment.body();
        List<ProofCandidate> out = new ArrayList<>();
        List<SecretSpan> secrets = SecretScanner.find(body);
        boolean licenseText = secrets.stream().anyMatch(s -> s.kind() == SecretKind.LICENSE_KEY);
        boolean activationCode = secrets.stream().anyMatch(s -> s.kind() == SecretKind.ACTIVATION_CODE);

        for (String number : invoiceNumbers(body)) out.add(new ProofCandidate.InvoiceNumber(number));
        if (licenseText) out.add(new ProofCandidate.LicenseText(comment.id()));
        else if (activationCode) out.add(new ProofCandidate.ActivationCodeOnly());

        GitlabSubscriptionJson.parse(body).ifPresentOrElse(
                pasted -> out.add(new ProofCandidate.NamespaceJson(pasted)),
                () -> {
                    if (GitlabSubscriptionJson.mentioned(body)) out.add(new ProofCandidate.UnreadableNamespaceJson());
                });

        boolean aboutInvoice = INVOICE_WORD.matcher(body).find()
                || comment.attachments().stream().anyMatch(a -> a.lowerCaseName().contains("invoice"));
        // an invoice whose number is typed is checked by that number; only an untyped one is answered "send its number"
        boolean untypedInvoice = aboutInvoice && out.stream().noneMatch(ProofCandidate.InvoiceNumber.class::isInstance);
        boolean picture = SCREENSHOT.matcher(body).find() || comment.attachments().stream().anyMatch(Attachment::looksLikeImage);
        if (picture) out.add(untypedInvoice ? new ProofCandidate.ScreenshotOfInvoice() : new ProofCandidate.Screenshot());
        if (!picture && untypedInvoice && comment.attachments().stream().anyMatch(Attachment::looksLikePdf)) {
            out.add(new ProofCandidate.InvoiceDocument());
        }
        if (!licenseText && comment.attachments().stream().anyMatch(Attachment::looksLikeLicenseFile)) {
            out.add(new ProofCandidate.LicenseFile());
        }
        if (ApprovalReplies.read(body) == ApprovalReplies.Reply.APPROVE) out.add(new ProofCandidate.Approval());
        if (RESELLER.matcher(body).find()) out.add(new ProofCandidate.ResellerMention());
        return out;
    }

    /** A JSON object that is not the gitlab_subscription response and does not try to be: no candidate, no refusal. */
    static boolean unrecognisedJson(String body) {
        return PastedJson.firstObject(body).isPresent() && GitlabSubscriptionJson.parse(body).isEmpty()
                && !GitlabSubscriptionJson.mentioned(body);
    }

    /** Words by which someone vouches for the requester: approval words, "vouch", "I/we (can) confirm". */
    static boolean vouches(String body) {
        return ApprovalReplies.read(body) == ApprovalReplies.Reply.APPROVE || VOUCH.matcher(ApprovalReplies.ownText(body)).find();
    }

    static Set<String> invoiceNumbers(String body) {
        Set<String> numbers = new LinkedHashSet<>();
        Matcher m = INVOICE.matcher(body);
        while (m.find()) numbers.add(m.group().toUpperCase(Locale.ROOT));
        return numbers;
    }
}
