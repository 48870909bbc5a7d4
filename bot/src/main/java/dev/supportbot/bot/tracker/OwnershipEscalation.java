package dev.supportbot.bot.tracker;

/**
 * What Legal & Compliance needs to decide an ownership change support could not verify. Any field but the ticket's
 * may be null ("not given" in the issue).
 */
public record OwnershipEscalation(
        long ticketId,
        String ticketUrl,
        String subscriptionName,
        String requesterName,
        String requesterEmail,
        String requestedChange,
        String proofSummary,
        String escalatedBy) {

    public OwnershipEscalation {
        if (ticketUrl == null || ticketUrl.isBlank()) throw new IllegalArgumentException("the ticket URL is required");
    }
}
