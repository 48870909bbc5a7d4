package dev.supportbot.bot.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.inbox.Dispatcher;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.InboxEvent;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.slack.OpenedViews;
import java.util.Optional;

/**
 * The submitted reject modal ({@code view_submission} of {@link RejectClick#CALLBACK_ID}, stored by the intake under
 * {@code slack-view}): the same checks as the click, again, since time has passed; then the rejection with its
 * reason. A submission has no response URL, so a refused or late one only says why in its outcome. The intake let it in
 * only for a view the bot opened for its submitter; the view is used up in the transaction that records the rejection.
 */
final class RejectReasonDispatcher implements Dispatcher {
    static final int REASON_MAX = 3000;

    private final Decisions decisions;
    private final OpenedViews views;

    RejectReasonDispatcher(Decisions decisions, OpenedViews views) {
        this.decisions = decisions;
        this.views = views;
    }

    @Override
    public Handled dispatch(InboxEvent event) throws Exception {
        JsonNode payload = Json.MAPPER.readTree(event.payload());
        if (!RejectClick.CALLBACK_ID.equals(payload.path("callback_id").asText())) {
            return Handled.noop("no handler for " + event.eventType());
        }
        Optional<Approval> found = decisions.find(payload.path("private_metadata").asText(null));
        if (found.isEmpty()) return Handled.noop("reject reason for no approval");
        Approval approval = found.get();
        String userId = payload.path("user_id").asText(null);
        String viewId = payload.path("view_id").asText(null);
        Optional<String> notOurs = views.refusal(viewId, userId);
        if (notOurs.isPresent()) return Handled.noop("approval " + approval.id() + ": reject refused: " + notOurs.get());
        Optional<String> refusal = decisions.refusalToDecide(approval, userId);
        if (refusal.isPresent()) return Handled.noop("approval " + approval.id() + ": reject refused: " + refusal.get());
        String reason = payload.path("input").asText("").strip();
        String recorded = reason.isEmpty() ? Decisions.NO_REASON : ApprovalMessage.cut(reason, REASON_MAX);
        decisions.learnNames(approval, userId);
        return new Handled("approval " + approval.id() + ": rejected by " + userId + " with a reason", h -> {
            if (!views.use(h, viewId, userId)) {
                throw new IllegalStateException("approval " + approval.id() + ": its reject form was used while the rejection was stored");
            }
            if (!decisions.rejected(h, approval, userId, recorded)) {
                throw new IllegalStateException("approval " + approval.id() + " changed while its rejection was stored");
            }
        });
    }
}
