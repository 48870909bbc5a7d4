package dev.supportbot.bot.approvals;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.engine.CommandReplies;
import dev.supportbot.bot.engine.EffectHandler;
import dev.supportbot.bot.engine.InstanceEvents;
import dev.supportbot.bot.engine.WorkflowEngine;
import dev.supportbot.bot.inbox.Dispatcher;
import dev.supportbot.bot.plugin.ClickHandler;
import dev.supportbot.bot.slack.OpenedViews;
import dev.supportbot.bot.slack.SlackCommands;
import dev.supportbot.bot.slack.SlackNames;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.bot.store.Database;
import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Approval in Slack, wired: the handlers of the {@code RequestApproval} and {@code UpdateApproval} effects, the click
 * handlers of {@code approve}, {@code reject} and {@code retry}, and the dispatchers of the inbox sources this part
 * owns (the reject modal's submissions, the refresh of a message after a vote, the daily digest, to be fired at
 * {@link #digestAt()} UTC when present).
 */
public record Approvals(List<EffectHandler<?>> effectHandlers, List<ClickHandler> clickHandlers,
                        Map<String, Dispatcher> dispatchers, Optional<LocalTime> digestAt) {
    /** The inbox source of the daily digest's event. */
    public static final String DIGEST_SOURCE = ApprovalDigest.SOURCE;

    /**
     * @param initiators who started an instance, as the instance store has it ({@code slack:U123},
     *                   {@code email:agent@example.com}, {@code supportbot}), by instance id
     * @param requesters the name (never the address) of a ticket's requester, by ticket id, for the message
     */
    public static Approvals create(BotConfig config, Database database, SlackNotifier slack, Clock clock,
            LongFunction<Optional<String>> initiators, LongFunction<Optional<String>> requesters, WorkflowEngine engine) {
        ApprovalStore store = new ApprovalStore(database);
        ApprovalMessage message = new ApprovalMessage(config.get(Settings.ZENDESK_URL));
        Approvers approvers = new Approvers(config.get(Settings.APPROVERS), config.get(Settings.APPROVER_GROUP), slack);
        Decisions decisions = new Decisions(store, approvers, new InstanceEvents(engine.json(), clock), new CommandReplies(engine),
                new SlackNames(slack), clock);
        OpenedViews views = new OpenedViews(database, clock);
        return new Approvals(
                List.of(new RequestApprovalHandler(store, slack, message, approvers, initiators, requesters, clock),
                        new UpdateApprovalHandler(store, slack, message, approvers, clock)),
                List.of(new ApproveClick(decisions), new RejectClick(decisions, slack, views), new RetryClick(decisions)),
                Map.of(SlackCommands.VIEW_SOURCE, new RejectReasonDispatcher(decisions, views),
                        ApprovalDigest.SOURCE, new ApprovalDigest(store, slack, message, clock),
                        MessageRefresh.SOURCE, new MessageRefresh(store, slack, message, approvers)),
                Optional.ofNullable(config.get(Settings.APPROVALS_DIGEST_AT)));
    }
}
