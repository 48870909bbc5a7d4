package dev.supportbot.bot.approvals;

import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.InboxEvent;
import java.util.Optional;
import java.util.Set;

/** {@code retry} (value {@code APPROVAL:STEP}): an approver asks to run a failed plan again from that step. */
final class RetryClick extends ApproverClick {
    private final Decisions decisions;

    RetryClick(Decisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public Set<String> actionIds() {
        return Set.of(ApprovalMessage.RETRY);
    }

    @Override
    public Handled handle(Click click, InboxEvent cause) {
        Optional<Approval> found = click.value() != null && click.value().contains(":") ? decisions.find(click.value()) : Optional.empty();
        if (found.isEmpty()) {
            return decisions.refuse(cause, click.responseUrl(), "retry: no approval step " + click.value(), "There is no such plan step to retry.");
        }
        Approval approval = found.get();
        int step = Integer.parseInt(click.value().substring(click.value().indexOf(':') + 1));
        Optional<String> refusal = decisions.refusalToRetry(approval, click.userId());
        if (refusal.isPresent()) {
            return decisions.refuse(cause, click.responseUrl(), "approval " + approval.id() + ": retry refused: " + refusal.get(),
                    refusal.get());
        }
        return decisions.retry(cause, click.responseUrl(), approval, step, click.userId());
    }
}
