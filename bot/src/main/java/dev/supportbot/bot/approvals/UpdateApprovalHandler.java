package dev.supportbot.bot.approvals;

import dev.supportbot.bot.engine.EffectHandler;
import dev.supportbot.bot.engine.EffectStep;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Effect.UpdateApproval.Phase;
import java.time.Clock;

/**
 * Re-renders an approval's Slack message in place ({@code chat.update}) from the stored approval and the workflow's
 * phase and lines. EXPIRED and CANCELLED first close the approval if it still waits, so a later click changes nothing.
 */
final class UpdateApprovalHandler implements EffectHandler<Effect.UpdateApproval> {
    private final ApprovalStore store;
    private final SlackNotifier slack;
    private final ApprovalMessage message;
    private final Approvers approvers;
    private final Clock clock;

    UpdateApprovalHandler(ApprovalStore store, SlackNotifier slack, ApprovalMessage message, Approvers approvers, Clock clock) {
        this.store = store;
        this.slack = slack;
        this.message = message;
        this.approvers = approvers;
        this.clock = clock;
    }

    @Override
    public Class<Effect.UpdateApproval> type() {
        return Effect.UpdateApproval.class;
    }

    @Override
    public Ran run(EffectStep step, Effect.UpdateApproval effect, boolean retry) {
        Approval approval = find(effect.approvalId());
        ApprovalState closing = effect.phase() == Phase.EXPIRED ? ApprovalState.EXPIRED
                : effect.phase() == Phase.CANCELLED ? ApprovalState.CANCELLED : null;
        // A click may win between the read and the update: then the approval is read again and stays as decided.
        while (closing != null && approval.state() == ApprovalState.PENDING
                && !store.close(approval, closing, clock.instant())) {
            approval = find(effect.approvalId());
        }
        Approval current = approval;
        current.message().ifPresent(ref -> slack.update(ref, message.render(current,
                new ApprovalMessage.Status(effect.phase(), effect.lines(), effect.retryFromStep()), approvers.configured())));
        return Ran.done();
    }

    private Approval find(long id) {
        return store.byId(id).orElseThrow(() -> new IllegalStateException("approval " + id + " does not exist"));
    }
}
