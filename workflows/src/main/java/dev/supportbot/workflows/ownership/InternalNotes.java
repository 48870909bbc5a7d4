package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.ownership.OwnershipState.Evidence;
import dev.supportbot.workflows.ownership.OwnershipState.SoldToRequest;
import java.util.Set;

/** Texts for agents: private notes on the ticket, Slack messages, the escalation issue. No secrets in any. */
final class InternalNotes {
    private InternalNotes() {}

    static String started(String subscriptionName, Set<ProofKind> offered, SoldToRequest.Status soldTo) {
        return "Ownership verification started for " + subscriptionName + ". Proofs offered: " + offered + ". "
                + switch (soldTo) {
                    case OPENING -> "Approval request to the Sold To contact: opening a separate ticket.";
                    case REQUESTER_IS_SOLD_TO -> "No separate approval request: the requester is the Sold To contact and may approve on this ticket.";
                    case SOLD_TO_IS_STAFF -> "No approval request sent: the Sold To address is a staff address, whose approval never counts.";
                    case NO_SOLD_TO_ADDRESS -> "No approval request sent: the billing account has no Sold To address.";
                    case OPEN, FAILED -> "";
                };
    }

    static String verified(Evidence evidence, SoldToRequest soldTo) {
        String open = soldTo != null && soldTo.status() == SoldToRequest.Status.OPEN && soldTo.ticketId() != null
                ? " The approval request ticket #" + soldTo.ticketId() + " to the Sold To contact is no longer needed: please close it."
                : "";
        return "Ownership verified. Proof: " + evidence.kind() + ": " + evidence.detail() + "." + open;
    }

    static String rejected(String reason) {
        return "Ownership verification rejected: " + reason + ".";
    }

    static String escalated(String agent) {
        return "Ownership verification escalated to Legal & Compliance by " + agent
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

    static String soldToReplyUnclear(long commentId, long linkedTicketId) {
        return "The Sold To contact replied on ticket #" + linkedTicketId + " (comment " + commentId
                + ") without a clear approval or refusal. Please read it; confirm or reject by hand.";
    }

    static String billToReplied(long commentId, long linkedTicketId) {
        return "The Bill To contact replied on ticket #" + linkedTicketId + " (comment " + commentId
                + "). Only the Sold To contact's approval counts; the Bill To contact must provide a recent invoice.";
    }

    static String staffReplied(long commentId, long linkedTicketId) {
        return "A reply on ticket #" + linkedTicketId + " (comment " + commentId
                + ") came from a staff address: staff approvals are never accepted.";
    }

    static String cancelled(String agent) {
        return "Ownership verification cancelled by " + agent + ".";
    }

    static String expired() {
        return "Ownership verification expired: no answer after the reminders.";
    }

    static String contractNeedsSubscription(String agent) {
        return agent + " confirmed a prior contract, but no subscription is identified yet. Ask the requester for the "
                + "subscription name first; the confirmation was not recorded.";
    }

    static String accountMissing(String subscriptionName) {
        return "Subscription " + subscriptionName + " has no billing account in the portal; verify this request by hand.";
    }

    static String slackVerified(long ticketId, String subscriptionName, ProofKind kind) {
        return "Ticket #" + ticketId + ": ownership of " + subscriptionName + " verified (" + kind + ").";
    }

    static String slackRejected(long ticketId, String subscriptionName, String reason) {
        return "Ticket #" + ticketId + ": ownership verification for " + subscriptionName + " rejected (" + reason + ").";
    }

    static String slackEscalated(long ticketId, String subscriptionName, String agent) {
        return "Ticket #" + ticketId + ": ownership verification for " + subscriptionName
                + " escalated to Legal & Compliance by " + agent + ".";
    }

    static String slackEffectFailed(long ticketId, String what, String reason) {
        return "Ticket #" + ticketId + ": could not " + what + " (" + reason + "). See the ticket's internal note.";
    }

    static String escalationTitle(long ticketId, String subscriptionName) {
        return "Subscription ownership change: " + (subscriptionName == null ? "unknown subscription" : subscriptionName)
                + " (ticket #" + ticketId + ")";
    }

    static String escalationDescription(long ticketId, String subscriptionName, String agent) {
        return "Support ticket: #" + ticketId + "\nSubscription: " + (subscriptionName == null ? "not identified yet" : subscriptionName)
                + "\nEscalated by: " + agent
                + "\n\nThe requester's association with the subscription could not be verified with the standard proofs. "
                + "Details are on the ticket.";
    }
}
