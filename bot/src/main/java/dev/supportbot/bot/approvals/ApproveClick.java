package dev.supportbot.bot.approvals;

import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.InboxEvent;
import java.util.Optional;
import java.util.Set;

/** {@code approve}: an approver's vote; the last one needed approves the plan. */
final class ApproveClick extends ApproverClick {
    private final Decisions decisions;

    ApproveClick(Decisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public Set<String> actionIds() {
        return Set.of(ApprovalMessage.APPROVE);
    }

    @Override
    public Handled handle(Click click, InboxEvent cause) {
        Optional<Approval> approval = decisions.find(click.value());
        if (approval.isEmpty()) {
            return decisions.refuse(cause, click.responseUrl(), "approve: no approval " + click.value(), "There is no such plan to approve.");
        }
        Optional<String> refusal = decisions.refusalToDecide(approval.get(), click.userId());
        if (refusal.isPresent()) {
            return decisions.refuse(cause, click.responseUrl(), "approval " + approval.get().id() + ": approve refused: "
                    + refusal.get(), refusal.get());
        }
        return decisions.approve(cause, click.responseUrl(), approval.get(), click.userId());
    }
}
