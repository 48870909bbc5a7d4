package dev.supportbot.bot.approvals;

import dev.supportbot.bot.slack.SlackMessageRef;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.PlanJson;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A plan put before the approvers, as stored, with the Slack ids of those who approved it so far (oldest first).
 * {@code requesterName} is the ticket's requester by name only (null when unknown). {@code rejectedBy} is the Slack id of who rejected it. {@code initiatorSlackId} is null when the initiator has no Slack account (or is the bot itself).
 */
public record Approval(long id, long instanceId, long ticketId, String requestKey, String planJson, String planHash,
                       int approversNeeded, String initiator, String initiatorSlackId, String requesterName, ApprovalState state,
                       String rejectedBy, String rejectReason, String channel, String messageTs, Instant createdAt, Instant expiresAt,
                       Instant decidedAt, long version, List<String> approvers) {

    public Approval {
        approvers = List.copyOf(approvers);
    }

    public Plan plan() {
        return PlanJson.read(planJson);
    }

    /** True when the stored plan still hashes to the hash the approval was bound to. */
    public boolean bound() {
        return PlanJson.hash(plan()).equals(planHash);
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public Optional<SlackMessageRef> message() {
        return channel == null || messageTs == null ? Optional.empty() : Optional.of(new SlackMessageRef(channel, messageTs));
    }
}
