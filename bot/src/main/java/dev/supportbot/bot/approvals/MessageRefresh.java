package dev.supportbot.bot.approvals;

import dev.supportbot.bot.inbox.Dispatcher;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.inbox.InboxEvent;
import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.slack.SlackNotifier;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Shows a vote that did not decide yet ("1 of 2 approvals, approved by ...") in the approval's message: queued in the
 * vote's commit, so the message changes only after the vote is stored, then {@code chat.update}d by a worker. Once
 * decided, the workflow's {@code UpdateApproval} owns the message, so a late refresh of a decided approval does nothing.
 */
final class MessageRefresh implements Dispatcher {
    static final String SOURCE = "approval-message";

    private final ApprovalStore store;
    private final SlackNotifier slack;
    private final ApprovalMessage message;
    private final Approvers approvers;

    MessageRefresh(ApprovalStore store, SlackNotifier slack, ApprovalMessage message, Approvers approvers) {
        this.store = store;
        this.slack = slack;
        this.message = message;
        this.approvers = approvers;
    }

    /** Queues the refresh of {@code approval} as it is at {@code version}. */
    static void enqueue(Handle h, Approval approval, long version, Instant now) {
        Inbox.enqueue(h, new NewInboxEvent(SOURCE, "approval:" + approval.id() + ":v" + version, "refresh", approval.ticketId(),
                "{\"approval_id\":" + approval.id() + "}"), now);
    }

    @Override
    public Handled dispatch(InboxEvent event) throws Exception {
        long id = Json.MAPPER.readTree(event.payload()).path("approval_id").asLong();
        Approval approval = store.byId(id).orElse(null);
        if (approval == null || approval.message().isEmpty()) return Handled.noop("no message of approval " + id);
        if (approval.state() != ApprovalState.PENDING) return Handled.noop("approval " + id + " is decided: its workflow updates it");
        slack.update(approval.message().get(), message.render(approval, ApprovalMessage.Status.POSTED, approvers.configured()));
        return Handled.noop("approval " + id + ": message shows " + approval.approvers().size() + " of " + approval.approversNeeded());
    }
}
