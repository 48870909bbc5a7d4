package dev.supportbot.bot.approvals;

import dev.supportbot.bot.engine.AuditLog;
import dev.supportbot.bot.engine.EffectHandler;
import dev.supportbot.bot.engine.EffectStep;
import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.bot.slack.SlackMessageRef;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.workflows.engine.Effect;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Puts a plan before the approvers: stores the approval (once per effect step: a retry finds it), finds the
 * initiator's Slack id so that they can never approve it, and posts the approval message to the channel once: a
 * retry after the post was stored does not post again, and one that finds the approval stored without its post looks
 * for the message an earlier attempt may have posted and updates it instead. Result: the approval id. Without Slack the plan cannot be
 * approved at all, so the effect fails for good and the workflow tells the agent.
 */
final class RequestApprovalHandler implements EffectHandler<Effect.RequestApproval> {
    static final String SLACK_NEEDED = "approvals need Slack: BOT_SLACK_BOT_TOKEN and BOT_SLACK_CHANNEL are not both set,"
            + " so no one can approve the plan";

    private final ApprovalStore store;
    private final SlackNotifier slack;
    private final ApprovalMessage message;
    private final Approvers approvers;
    private final LongFunction<Optional<String>> initiators;
    private final LongFunction<Optional<String>> requesters;
    private final Clock clock;

    RequestApprovalHandler(ApprovalStore store, SlackNotifier slack, ApprovalMessage message, Approvers approvers,
            LongFunction<Optional<String>> initiators, LongFunction<Optional<String>> requesters, Clock clock) {
        this.store = store;
        this.slack = slack;
        this.message = message;
        this.approvers = approvers;
        this.initiators = initiators;
        this.requesters = requesters;
        this.clock = clock;
    }

    @Override
    public Class<Effect.RequestApproval> type() {
        return Effect.RequestApproval.class;
    }

    @Override
    public Ran run(EffectStep step, Effect.RequestApproval effect, boolean retry) {
        if (!slack.enabled()) throw new OutboundException(OutboundException.Failure.NOT_CONFIGURED, SLACK_NEEDED);
        if (step.instanceId() == null) throw new IllegalStateException("an approval belongs to a workflow instance");
        long instanceId = step.instanceId();
        // The stored approval is the intent to post: found again without a message, an earlier attempt may have posted it.
        Optional<Approval> earlier = store.byRequestKey(step.key());
        Approval approval = earlier.orElseGet(() -> {
            String initiator = initiators.apply(instanceId).orElse("supportbot");
            return store.create(new ApprovalStore.NewApproval(instanceId, step.ticketId(), step.key(), effect.plan(),
                    effect.approversNeeded(), initiator, slackIdOf(initiator), requesters.apply(step.ticketId()).orElse(null),
                    clock.instant(), effect.ttl()));
        });
        if (approval.message().isEmpty()) {
            SlackMessage request = message.render(approval, ApprovalMessage.Status.POSTED, approvers.configured());
            SlackMessageRef posted = slack.postOnce(request, earlier.isPresent())
                    .orElseThrow(() -> new OutboundException(OutboundException.Failure.NOT_CONFIGURED, SLACK_NEEDED));
            store.posted(approval.id(), posted);
        }
        AuditLog.Entry audit = new AuditLog.Entry(clock.instant(), "supportbot", "approval requested", step.ticketId(), instanceId,
                "approval " + approval.id() + " of plan " + approval.planHash() + ", " + approval.approversNeeded()
                        + " approver(s) needed, started by " + approval.initiator());
        return new Ran(Map.of(Effect.RequestApproval.APPROVAL_ID, Long.toString(approval.id())), 1, List.of(audit));
    }

    /** {@code slack:U123} is the id itself; {@code email:...} is looked up; the bot itself has none. */
    private String slackIdOf(String initiator) {
        if (initiator.startsWith("slack:")) return initiator.substring("slack:".length());
        if (initiator.startsWith("email:")) return slack.userIdByEmail(initiator.substring("email:".length())).orElse(null);
        return null;
    }
}
