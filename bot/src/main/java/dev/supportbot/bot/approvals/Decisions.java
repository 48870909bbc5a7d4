package dev.supportbot.bot.approvals;

import dev.supportbot.bot.engine.AuditLog;
import dev.supportbot.bot.engine.CommandReplies;
import dev.supportbot.bot.engine.InstanceEvents;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.slack.SlackNames;
import dev.supportbot.bot.inbox.InboxEvent;
import dev.supportbot.workflows.engine.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * What approvers' clicks and rejection reasons do to an approval, each as the commit of the inbox event that carried
 * them: the conditional state change, the workflow event it causes ({@link InstanceEvents}), the audit entry and the
 * answer to the person who clicked ({@link CommandReplies}), all in one transaction. A refused or lost click changes
 * nothing but the answer.
 */
final class Decisions {
    static final String NO_REASON = "no reason given";

    private final ApprovalStore store;
    private final Approvers approvers;
    private final InstanceEvents events;
    private final CommandReplies replies;
    private final Clock clock;

    private final SlackNames names;

    Decisions(ApprovalStore store, Approvers approvers, InstanceEvents events, CommandReplies replies, SlackNames names,
            Clock clock) {
        this.store = store;
        this.names = names;
        this.approvers = approvers;
        this.events = events;
        this.replies = replies;
        this.clock = clock;
    }

    /**
     * The approval named by a button's value ({@code ID}, or {@code ID:STEP}), if it exists. A button is posted only
     * after its approval's commit, so one that is not found was never stored, or was purged: the click is answered.
     */
    Optional<Approval> find(String value) {
        if (value == null || !value.matches("\\d{1,18}(:\\d{1,9})?")) return Optional.empty();
        return store.byId(Long.parseLong(value.split(":")[0]));
    }

    /** Why {@code userId} may not approve or reject {@code approval} now; empty when they may. */
    Optional<String> refusalToDecide(Approval approval, String userId) {
        Instant now = clock.instant();
        if (approval.state() != ApprovalState.PENDING) {
            return Optional.of("This plan was already " + approval.state().name().toLowerCase() + "; nothing changed.");
        }
        if (approval.expired(now)) return Optional.of("This plan's approval expired; nothing changed.");
        Optional<String> refusal = approvers.refusal(approval, userId);
        if (refusal.isPresent()) return refusal;
        if (!approval.bound()) {
            return Optional.of("This plan no longer matches the plan it was posted as, so it cannot be approved.");
        }
        return Optional.empty();
    }

    /** Why {@code userId} may not ask for a retry of {@code approval}; empty when they may. */
    Optional<String> refusalToRetry(Approval approval, String userId) {
        if (approval.state() != ApprovalState.APPROVED) return Optional.of("Only an approved plan can be retried; nothing changed.");
        return approvers.refusal(approval, userId);
    }

    /** A refusal: the answer is the only thing the commit does. */
    Handled refuse(InboxEvent cause, String responseUrl, String outcome, String answer) {
        return new Handled(outcome, h -> replies.enqueue(h, cause, responseUrl, answer));
    }

    Handled approve(InboxEvent cause, String responseUrl, Approval approval, String userId) {
        if (approval.approvers().contains(userId)) {
            return refuse(cause, responseUrl, "approval " + approval.id() + ": second approval by the same person refused",
                    "You already approved this plan; it needs a different approver.");
        }
        learnNames(approval, userId);
        return new Handled("approval " + approval.id() + ": approved by " + userId, h -> {
            Optional<ApprovalState> now = ApprovalStore.approve(h, approval, userId, clock.instant());
            if (now.isEmpty()) {
                replies.enqueue(h, cause, responseUrl, changedMeanwhile());
                return;
            }
            audit(h, approval, userId, now.get() == ApprovalState.APPROVED ? "approval approved" : "approval vote",
                    (approval.approvers().size() + 1) + " of " + approval.approversNeeded() + " approvals");
            if (now.get() == ApprovalState.APPROVED) {
                List<String> by = approval.approvers().stream().map(this::named).collect(Collectors.toList());
                by.add(named(userId));
                events.enqueue(h, approval.instanceId(), approval.ticketId(), "approval:" + approval.id() + ":decided",
                        new Event.ApprovalDecided(approval.id(), approval.planHash(), true, by, null));
                replies.enqueue(h, cause, responseUrl, "Approved: the plan will run now.");
            } else {
                MessageRefresh.enqueue(h, approval, approval.version() + 1, clock.instant());
                int missing = approval.approversNeeded() - approval.approvers().size() - 1;
                replies.enqueue(h, cause, responseUrl, "Your approval is recorded; " + missing
                        + " more from a different approver is needed.");
            }
        });
    }

    Handled reject(InboxEvent cause, String responseUrl, Approval approval, String userId, String reason, String answer) {
        learnNames(approval, userId);
        return new Handled("approval " + approval.id() + ": rejected by " + userId, h -> {
            if (!rejected(h, approval, userId, reason)) {
                replies.enqueue(h, cause, responseUrl, changedMeanwhile());
            } else {
                replies.enqueue(h, cause, responseUrl, answer);
            }
        });
    }

    /** The conditional rejection and its workflow event, in {@code h}; false when the approval changed meanwhile. */
    boolean rejected(Handle h, Approval approval, String userId, String reason) {
        if (!ApprovalStore.close(h, approval, ApprovalState.REJECTED, userId, reason, clock.instant())) return false;
        audit(h, approval, userId, "approval rejected", "reason: " + reason);
        events.enqueue(h, approval.instanceId(), approval.ticketId(), "approval:" + approval.id() + ":decided",
                new Event.ApprovalDecided(approval.id(), approval.planHash(), false, List.of(named(userId)), reason));
        return true;
    }

    Handled retry(InboxEvent cause, String responseUrl, Approval approval, int fromStep, String userId) {
        learnNames(approval, userId);
        return new Handled("approval " + approval.id() + ": retry from step " + fromStep + " by " + userId, h -> {
            if (!ApprovalStore.touch(h, approval)) {
                replies.enqueue(h, cause, responseUrl, changedMeanwhile());
                return;
            }
            audit(h, approval, userId, "approval retry", "from step " + fromStep);
            events.enqueue(h, approval.instanceId(), approval.ticketId(),
                    "approval:" + approval.id() + ":retry:" + (approval.version() + 1),
                    new Event.RetryRequested(approval.id(), fromStep, named(userId)));
            replies.enqueue(h, cause, responseUrl, "Retry from step " + fromStep + " requested.");
        });
    }

    private void audit(Handle h, Approval approval, String userId, String action, String detail) {
        AuditLog.append(h, new AuditLog.Entry(clock.instant(), named(userId), action, approval.ticketId(), approval.instanceId(),
                "approval " + approval.id() + " of plan " + approval.planHash() + ": " + detail));
    }

    private static String changedMeanwhile() {
        return "This plan changed while you clicked (someone decided at the same moment); nothing was recorded. Look at the message again.";
    }

    /** How events and the audit name an approver: their Slack id and the name Slack gave (asked before the commit). */
    private String named(String slackUserId) {
        return names.knownAgent(slackUserId);
    }

    /** Asks Slack for the names the commit will use, before the transaction begins. */
    void learnNames(Approval approval, String userId) {
        names.name(userId);
        approval.approvers().forEach(names::name);
    }
}
