package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.engine.Dates;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every text a customer reads: public comments on the requester's ticket and the approval request to the Sold To
 * contact. Polite, plain, no internal details, no one else's personal data.
 */
final class Messages {
    private Messages() {}

    static String askForSubscriptionName() {
        return "Hello,\n\nThank you for contacting GitLab Support. To help you with your request, please reply with "
                + "the name of the subscription it is about. Subscription names start with A-S followed by 8 digits "
                + "(for example A-S00012345); you can find it on your invoices and in the Customers Portal.";
    }

    static String subscriptionNotFound(String name) {
        return "Hello,\n\nWe could not find a subscription named " + name + ". Could you please check the name and "
                + "reply with the correct one? It starts with A-S followed by 8 digits and appears on your invoices "
                + "and in the Customers Portal.";
    }

    static String askForProof(String subscriptionName, Set<ProofKind> options, boolean requesterIsSoldTo, Period invoiceAge) {
        return "Hello,\n\nThank you for your request about subscription " + subscriptionName + ". Before we can "
                + "change who manages this subscription, we need to verify your association with it. Please reply "
                + "with ONE of the following:\n\n" + optionList(options, invoiceAge)
                + approvalParagraph(options, requesterIsSoldTo)
                + "\n\nPlease note that screenshots and license activation code emails cannot be accepted as proof.";
    }

    static String refused(Collection<Refusal> reasons, Set<ProofKind> options, Period invoiceAge) {
        String why = reasons.stream().map(r -> "- " + refusal(r, invoiceAge)).collect(Collectors.joining("\n"));
        return "Hello,\n\nThank you for your reply. Unfortunately we cannot accept it as proof yet:\n\n" + why
                + "\n\nAny ONE of the following would allow us to continue:\n\n" + optionList(options, invoiceAge);
    }

    static String reminderForSubscriptionName(LocalDate closesOn) {
        return "Hello,\n\nThis is a friendly reminder that we still need the name of your subscription (A-S followed "
                + "by 8 digits) to continue with your request. If we do not hear from you, we will close this request "
                + "on " + Dates.utcDay(closesOn) + ".";
    }

    static String reminderForProof(String subscriptionName, LocalDate closesOn) {
        return "Hello,\n\nThis is a friendly reminder that we still need one of the proofs listed above to verify "
                + "your association with subscription " + subscriptionName + ". If we do not hear from you, we will "
                + "close this request on " + Dates.utcDay(closesOn) + ".";
    }

    static String expired() {
        return "Hello,\n\nAs we did not receive the information needed to verify your association with the "
                + "subscription, we have closed this request. You are welcome to reply or open a new request at any "
                + "time.";
    }

    static String verified(String subscriptionName) {
        return "Hello,\n\nThank you! We have verified your association with subscription " + subscriptionName
                + ". We will follow up on the rest of your request on this ticket.";
    }

    static String rejected(String subscriptionName) {
        return "Hello,\n\nWe were not able to verify your association with subscription "
                + (subscriptionName == null ? "you asked about" : subscriptionName)
                + ", so we cannot make the requested change. If you believe this is a mistake, please reply and let "
                + "us know.";
    }

    static String escalated() {
        return "Hello,\n\nYour request needs an additional review by our team. We will update you on this ticket as "
                + "soon as we can.";
    }

    static String soldToApprovalSubject(String subscriptionName) {
        return "Approval needed: request about your GitLab subscription " + subscriptionName;
    }

    /** To the Sold To contact. Names the requester and their company domain, never their address (docs/handbook.md, "Ownership verification"). */
    static String soldToApprovalBody(String soldToName, String subscriptionName, String requesterName,
                                     String requesterDomain, long requestTicketId) {
        String who = (requesterName == null || requesterName.isBlank() ? "Someone" : requesterName)
                + (requesterDomain.isEmpty() ? "" : " (" + requesterDomain + ")");
        return "Hello " + (soldToName == null || soldToName.isBlank() ? "" : soldToName) + ",\n\n" + who
                + " has asked GitLab Support for management access to, or ownership of, the subscription "
                + subscriptionName + " (our reference: request #" + requestTicketId + "). You are the contact on "
                + "record for this subscription, so we would like your approval before making any change.\n\n"
                + "Please reply to this message with \"I approve\" to approve the request, or \"I do not approve\" to "
                + "decline it. If you do not recognise this request, please decline it.";
    }

    // ---- To the Sold To contact on their approval request ticket, when the request ends. Never the requester's
    // address or name: the request is named by its reference, as in the approval request.

    static String soldToThanks(String subscriptionName, long requestTicketId) {
        return "Hello,\n\nThank you for your approval of the request about subscription " + subscriptionName
                + " (our reference: request #" + requestTicketId + "). We have recorded it; nothing more is needed from "
                + "you, so we are marking this ticket as solved.";
    }

    static String soldToNoLongerNeeded(String subscriptionName, long requestTicketId) {
        return "Hello,\n\nAbout our request for your approval regarding subscription " + subscriptionName
                + " (our reference: request #" + requestTicketId + "): the request has since been verified in another "
                + "way, so we no longer need your approval and are marking this ticket as solved. If you have concerns "
                + "about this request, please reply to this message.";
    }

    static String soldToDeclinedNoted(String subscriptionName, long requestTicketId) {
        return "Hello,\n\nThank you for your answer about subscription " + subscriptionName + " (our reference: request #"
                + requestTicketId + "). We have declined the request, so nothing changes for this subscription, and we "
                + "are marking this ticket as solved.";
    }

    static String soldToClosedWithoutChange(String subscriptionName, long requestTicketId) {
        return "Hello,\n\nAbout our request for your approval regarding subscription " + subscriptionName
                + " (our reference: request #" + requestTicketId + "): the request has been closed without any change "
                + "to the subscription, so we no longer need your approval and are marking this ticket as solved.";
    }

    static String refusal(Refusal reason, Period invoiceAge) {
        String months = months(invoiceAge);
        return switch (reason) {
            case FROM_STAFF -> "Proof provided by GitLab team members cannot be accepted; it needs to come from you as the customer.";
            case SCREENSHOT -> "Screenshots cannot be accepted as proof. If you would like to use your license, please paste the license text itself.";
            case SCREENSHOT_OF_INVOICE -> "A screenshot of an invoice cannot be accepted as proof. Please reply with the invoice number printed on it instead (for example INV-1234).";
            case INVOICE_DOCUMENT -> "We cannot check attached invoice files. Please reply with the invoice number printed on the invoice instead (for example INV-1234).";
            case LICENSE_FILE -> "We cannot check attached license files. Please open the .gitlab-license file in a text editor and paste its text into your reply instead.";
            case ACTIVATION_CODE -> "License activation codes and activation code emails are not accepted as proof. For your security, please do not share activation codes in tickets.";
            case INVOICE_NOT_FOUND -> "We could not find the invoice number you sent. Please check it against the invoice document.";
            case INVOICE_OTHER_ACCOUNT -> "The invoice you sent does not belong to the account of this subscription.";
            case INVOICE_TOO_OLD -> "The invoice you sent is older than " + months + "; we need one issued within the last " + months + ".";
            case INVOICE_RESELLER_PURCHASE -> "This subscription was purchased through a reseller, so an invoice can only be provided by the reseller itself.";
            case LICENSE_SAAS_SUBSCRIPTION -> "A license, as text or as a .gitlab-license file, only applies to self-managed subscriptions, and this is a GitLab.com subscription: please send one of the proofs below instead.";
            case LICENSE_INVALID -> "We could not validate the license text you sent. Please make sure you copied the complete text of the license currently loaded on your instance.";
            case LICENSE_OTHER_SUBSCRIPTION -> "The license text you sent belongs to a different subscription.";
            case NAMESPACE_JSON_SELF_MANAGED -> "The gitlab_subscription data only applies to GitLab.com subscriptions, and this is a self-managed subscription.";
            case NAMESPACE_JSON_UNREADABLE -> "We could not read the gitlab_subscription data you pasted. Please paste the complete response text.";
            case NAMESPACE_JSON_MISMATCH -> "The gitlab_subscription data you pasted does not match this subscription.";
            case APPROVAL_NOT_FROM_SOLD_TO -> "Approval has to come from the current subscription contact; we are asking them separately.";
            case APPROVAL_FROM_BILL_TO -> "As the billing contact, your approval alone is not sufficient. Please send the number of a GitLab invoice issued within the last " + months + " instead.";
            case VOUCH_NOT_RESELLER_PURCHASE -> "Our records show that this subscription was not purchased through a reseller, so a reseller confirmation does not apply.";
            case VOUCH_LICENSE_ACTIVATED -> "The license of this subscription has already been activated, so a reseller confirmation alone is not enough; your reseller can instead provide their GitLab invoice on this ticket.";
            case VOUCH_ACTIVATION_UNKNOWN -> "A reseller confirmation is only accepted for licenses that have not been activated yet, and our records cannot show that for this subscription; the reseller can instead provide their GitLab invoice for this subscription on this ticket.";
            case VOUCH_DOMAIN_MISMATCH -> "A reseller confirmation has to come from the reseller itself, from its company email address. Please add your reseller in copy on this ticket, or ask them to open a ticket with us.";
        };
    }

    private static String optionList(Set<ProofKind> options, Period invoiceAge) {
        return options.stream().filter(k -> k != ProofKind.SOLD_TO_APPROVAL)
                .map(k -> "- " + option(k, invoiceAge)).collect(Collectors.joining("\n"));
    }

    private static String option(ProofKind kind, Period invoiceAge) {
        String months = months(invoiceAge);
        return switch (kind) {
            case INVOICE -> "The number of a GitLab invoice for this subscription issued within the last " + months + " (for example INV-1234).";
            case RESELLER_INVOICE -> "As this subscription was purchased through a reseller, your reseller can provide the proof: add them in copy on this ticket (or ask them to open a ticket with us) and have them reply with the number of their GitLab invoice for this subscription issued within the last " + months + ".";
            case LICENSE_TEXT -> "The text of the license currently loaded on your GitLab instance. On GitLab 14.2 or newer, use the license usage export; on 14.1, run this command on the instance:\n\nsudo gitlab-rails runner 'print License.current.data'\n\nOn older versions, use \"Download license\" in Admin Area > License. Please paste the text itself; screenshots cannot be accepted.";
            case NAMESPACE_JSON -> "Signed in to GitLab.com as an owner of the group that holds the subscription, open https://gitlab.com/api/v4/namespaces/<your-group>/gitlab_subscription and paste the text it returns here.";
            case RESELLER_VOUCH -> "As this subscription was purchased through a reseller and its license has not been activated yet, your reseller can confirm your request: add them in copy on this ticket and ask them to reply from their company email address, confirming by your name that you may manage the subscription, or ask them to open a ticket with us.";
            case PRIOR_CONTRACT -> "A prior subscription contract between your company and GitLab: let us know and we will confirm it.";
            case SOLD_TO_APPROVAL -> "Approval from the current subscription contact.";
        };
    }

    private static String approvalParagraph(Set<ProofKind> options, boolean requesterIsSoldTo) {
        if (!options.contains(ProofKind.SOLD_TO_APPROVAL)) return "";
        if (requesterIsSoldTo) {
            return "\n\nAs your email address is the contact on record for this subscription, you can also simply "
                    + "reply \"I approve\" to this message.";
        }
        return "\n\nWe will also ask the current subscription contact for their approval in a separate message. If "
                + "they approve, we will let you know and no further proof is needed.";
    }

    static String months(Period age) {
        if (age.getDays() == 0 && age.toTotalMonths() % 12 == 0 && age.toTotalMonths() > 12) return age.toTotalMonths() / 12 + " years";
        if (age.getDays() == 0) return age.toTotalMonths() + " months";
        return age.toTotalMonths() == 0 ? age.getDays() + " days" : age.toTotalMonths() + " months and " + age.getDays() + " days";
    }
}
