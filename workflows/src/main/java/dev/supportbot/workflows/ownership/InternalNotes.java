package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.People;
import dev.supportbot.workflows.ownership.OwnershipState.Evidence;
import dev.supportbot.workflows.ownership.OwnershipState.SoldToRequest;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Texts for agents: private notes on the ticket and the escalation issue (Slack posts: {@link SlackPosts}). No
 * secrets in any; proofs and people named in words ({@link ProofKind#words()}, {@link People#inNote}).
 */
final class InternalNotes {
    private InternalNotes() {}

    static String started(String subscriptionName, Set<ProofKind> offered, SoldToRequest.Status soldTo) {
        return "Ownership verification started for " + subscriptionName + ". Proofs offered: "
                + offered.stream().map(ProofKind::words).collect(Collectors.joining(", ")) + ". "
                + switch (soldTo) {
                    case OPENING -> "Approval request to the Sold To contact: opening a separate ticket.";
                    case REQUESTER_IS_SOLD_TO -> "No separate approval request: the requester is the Sold To contact and may approve on this ticket.";
                    case SOLD_TO_IS_STAFF -> "No approval request sent: the Sold To address is a staff address, whose approval never counts.";
                    case NO_SOLD_TO_ADDRESS -> "No approval request sent: the billing account has no Sold To address.";
                    case OPEN, FAILED -> "";
                };
    }

    static String verified(Evidence evidence, Long soldToTicket) {
        String told = soldToTicket == null ? ""
                : " The Sold To contact was told on their approval request ticket #" + soldToTicket + ", which the bot solves.";
        return "Ownership verified with " + evidence.kind().words() + ": " + evidence.detail() + "." + told;
    }

    /** What the Rejected state records: who rejected (in words) and why. */
    static String rejectedReason(String reason, String agent) {
        if (agent == null) return reason == null ? "no reason given" : reason;
        return "rejected by " + People.inNote(agent) + (reason == null ? "" : " " + reason);
    }

    static String rejected(String reason, String agent) {
        return "Ownership verification " + (agent == null ? "rejected: " : "") + rejectedReason(reason, agent) + ".";
    }

    static String escalated(String agent) {
        return "Ownership verification escalated to Legal & Compliance by " + People.inNote(agent)
                + "; the workflow is parked until an agent confirms or rejects it.";
    }

    static String escalationIssueOpened(String url) {
        return "Legal & Compliance escalation issue: " + url;
    }

    static String escalationIssueFailed(String reason) {
        return "Could not open the Legal & Compliance escalation issue (" + reason + "). Please open it by hand from the "
                + OwnershipVerification.ESCALATION_TEMPLATE + " template.";
    }

    static String soldToTicketOpened(String ticketId) {
        return "Approval request sent to the Sold To contact as ticket #" + ticketId + ".";
    }

    static String soldToTicketFailed(String reason) {
        return "Could not open the approval request ticket to the Sold To contact (" + reason + "). Other proofs can still verify the requester.";
    }

    static String soldToReplyUnclear(Comment reply, long linkedTicketId) {
        return "The Sold To contact replied on ticket #" + linkedTicketId + reply.writtenOn()
                + " without a clear approval or refusal. Please read it; confirm or reject by hand.";
    }

    static String billToReplied(Comment reply, long linkedTicketId) {
        return "The Bill To contact replied on ticket #" + linkedTicketId + reply.writtenOn()
                + ". Only the Sold To contact's approval counts; the Bill To contact must provide a recent invoice.";
    }

    static String staffReplied(Comment reply, long linkedTicketId) {
        return "A reply on ticket #" + linkedTicketId + reply.writtenOn()
                + " came from a staff address: staff approvals are never accepted.";
    }

    /** A staff member's comment on the requester's ticket that reads like a proof or a vouch; it never counts. */
    static String staffVouchIgnored(Comment comment) {
        return comment.inWordsAtSentenceStart() + " on this ticket came from a staff address and reads like a proof or a "
                + "confirmation of the requester. It was not counted: staff vouches are never proof; the customer (or "
                + "their reseller) has to provide one.";
    }

    /**
     * The reseller commented without verifying the requester. {@code vouchRefused}: why its confirmation did not count
     * (null when it did not confirm at all).
     */
    static String resellerDidNotVerify(Comment comment, String reseller, ResellerReplies.Reading reading, Refusal vouchRefused) {
        String why;
        if (vouchRefused == Refusal.VOUCH_ACTIVATION_UNKNOWN) {
            why = " confirmed the request, but a reseller's confirmation only counts for a license that is not activated yet,"
                    + " and the bot cannot tell whether this subscription's license (SaaS, legacy or offline) was activated."
                    + " Check it by hand, or ask the reseller for their GitLab invoice of this subscription.";
        } else if (vouchRefused == Refusal.VOUCH_LICENSE_ACTIVATED) {
            why = " confirmed the request, but the license was already activated, so a reseller's confirmation does not"
                    + " count; the reseller can provide their GitLab invoice of this subscription instead.";
        } else if (reading == ResellerReplies.Reading.NO_VOUCH) {
            why = " " + reading.words() + ". A confirmation counts only when one sentence of the reseller's own names the"
                    + " requester (by name or email address, or as \"the requester\") and the change (managing the"
                    + " subscription, becoming its contact or owner). Please read it and decide; the requester stays not"
                    + " verified until then.";
        } else {
            why = " " + reading.words() + ". Only a reseller's explicit confirmation that the requester may manage the"
                    + " subscription counts. Please read it and decide; the requester stays not verified until then.";
        }
        return comment.inWordsAtSentenceStart() + " came from " + reseller + " (the reseller) and verified nothing: the reseller" + why;
    }

    /** The reseller opened the ticket, but with words that refuse or hedge: opening it does not count as its vouch. */
    static String resellerOpeningNotCounted(String reseller, ResellerReplies.Reading reading) {
        return "This ticket was opened from the address of " + reseller + " (the reseller), but the reseller's text "
                + reading.words() + ", so opening the ticket was not counted as the reseller's confirmation. Please read"
                + " it and decide; the requester stays not verified until then.";
    }

    static String billToApprovedHere(Comment comment, String months) {
        return "The Bill To contact approved on this ticket (" + comment.inWords() + "). Only the Sold To contact's "
                + "approval counts; the Bill To contact can instead provide a GitLab invoice issued within the last "
                + months + ".";
    }

    static String jsonNotRecognised(Comment comment) {
        return comment.inWordsAtSentenceStart() + " holds JSON the bot does not recognise as the gitlab_subscription response "
                + "(no plan code in it), so it was not checked as proof. Please read it.";
    }

    static String cancelled(String agent) {
        return "Ownership verification cancelled by " + People.inNote(agent) + ".";
    }

    static String expired() {
        return "Ownership verification expired: no answer after the reminders.";
    }

    static String contractNeedsSubscription(String agent) {
        return People.inNote(agent) + " confirmed a prior contract, but no subscription is identified yet. Ask the requester for the "
                + "subscription name first; the confirmation was not recorded.";
    }

    static String accountMissing(String subscriptionName) {
        return "Subscription " + subscriptionName + " has no billing account in the portal; verify this request by hand.";
    }

    static String escalationTitle(long ticketId, String subscriptionName) {
        return "Subscription ownership change: " + (subscriptionName == null ? "unknown subscription" : subscriptionName)
                + " (ticket #" + ticketId + ")";
    }

    static String escalationDescription(long ticketId, String subscriptionName, String agent) {
        return "Support ticket: #" + ticketId + "\nSubscription: " + (subscriptionName == null ? "not identified yet" : subscriptionName)
                + "\nEscalated by: " + People.inNote(agent)
                + "\n\nThe requester's association with the subscription could not be verified with the standard proofs. "
                + "Details are on the ticket.";
    }
}
