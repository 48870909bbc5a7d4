package dev.supportbot.bot.approvals;

import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.InboxEvent;
import dev.supportbot.bot.slack.OpenedViews;
import dev.supportbot.bot.slack.SlackModal;
import dev.supportbot.bot.slack.SlackNotifier;
import java.util.Optional;
import java.util.Set;

/**
 * {@code reject}: asks the approver for the reason in a modal ({@code views.open} with the click's trigger id);
 * the rejection is recorded when they submit it ({@link RejectReasonDispatcher}). Slack accepts a trigger id for 3
 * seconds only: when the click was handled later, the plan is rejected at once with "no reason given", and the
 * approver is told so. The opened view is recorded for the approver who clicked: only their submission of it counts.
 */
final class RejectClick extends ApproverClick {
    static final String CALLBACK_ID = "approval_reject";

    private final Decisions decisions;
    private final SlackNotifier slack;
    private final OpenedViews views;

    RejectClick(Decisions decisions, SlackNotifier slack, OpenedViews views) {
        this.decisions = decisions;
        this.slack = slack;
        this.views = views;
    }

    @Override
    public Set<String> actionIds() {
        return Set.of(ApprovalMessage.REJECT);
    }

    @Override
    public Handled handle(Click click, InboxEvent cause) {
        Optional<Approval> found = decisions.find(click.value());
        if (found.isEmpty()) {
            return decisions.refuse(cause, click.responseUrl(), "reject: no approval " + click.value(), "There is no such plan to reject.");
        }
        Approval approval = found.get();
        Optional<String> refusal = decisions.refusalToDecide(approval, click.userId());
        if (refusal.isPresent()) {
            return decisions.refuse(cause, click.responseUrl(), "approval " + approval.id() + ": reject refused: " + refusal.get(),
                    refusal.get());
        }
        Optional<String> view = slack.openModal(click.triggerId(), modal(approval));
        if (view.isPresent()) {
            views.opened(view.get(), click.userId(), CALLBACK_ID);
            return Handled.noop("approval " + approval.id() + ": reason asked of " + click.userId());
        }
        return decisions.reject(cause, click.responseUrl(), approval, click.userId(), Decisions.NO_REASON,
                "Rejected. Slack no longer let me ask for your reason (the click reached me too late), so it is recorded"
                        + " as \"" + Decisions.NO_REASON + "\"; add the reason to the ticket as a note.");
    }

    static SlackModal modal(Approval approval) {
        return new SlackModal(CALLBACK_ID, "Reject plan", Long.toString(approval.id()),
                "Rejecting the plan of ticket " + approval.ticketId() + ": *" + approval.plan().purpose() + "*",
                "Why? (recorded with the decision)", "Reject");
    }
}
